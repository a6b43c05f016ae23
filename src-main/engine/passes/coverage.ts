import type { Coverage } from '../../../src-shared/domain/passes';
import type { CreditCandidate } from './choose-credit';
import { chooseCredit } from './choose-credit';

export interface CoverageCredit extends CreditCandidate {
  /** What the desk reads: the plan's name for a plan line, else the pass's. */
  name: string;
}

/**
 * Seed 002's three cases: which of the chosen services (one unit each; a service chosen twice needs
 * two credits) the client's plans and passes pay on `date`, and what is left to pay for the rest.
 * Plans pay their services anywhere; passes only where `passesPay` says the booking takes them.
 */
export function coverageOf(
  services: readonly { serviceId: string; priceMinor: number }[],
  credits: readonly CoverageCredit[],
  date: string,
  passesPay: (serviceId: string) => boolean = () => true,
): Coverage {
  const left = new Map(credits.map((c) => [c.id, c.balance]));
  const covered: Coverage['covered'] = [];
  const uncovered: Coverage['uncovered'] = [];
  for (const service of services) {
    const remaining = credits.map((c) => ({ ...c, balance: left.get(c.id) ?? 0 }));
    const credit = chooseCredit(remaining, { serviceId: service.serviceId }, date, passesPay(service.serviceId) ? undefined : 'plan');
    if (credit) {
      left.set(credit.id, credit.balance - 1);
      covered.push({ serviceId: service.serviceId, passId: credit.id, name: credit.name });
    } else {
      uncovered.push({ serviceId: service.serviceId, priceMinor: service.priceMinor });
    }
  }
  const leftToPayMinor = uncovered.reduce((sum, s) => sum + s.priceMinor, 0);
  const kase = uncovered.length === 0 ? 'all' : covered.length === 0 ? 'none' : 'some';
  return { case: kase, covered, uncovered, leftToPayMinor };
}
