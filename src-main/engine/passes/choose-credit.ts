import { isValidOn } from './validity';

/** What a credit can pay: a service (appointments, checkout lines) or a session type (session bookings). */
export type CreditUse = { serviceId: string } | { sessionTypeId: string };

/** A client's pass or plan line, as the rules see it. */
export interface CreditCandidate {
  id: string;
  kind: 'pass' | 'plan';
  balance: number;
  validFrom: string;
  validUntil: string;
  createdAt: string;
  sessionTypeIds: readonly string[];
  serviceIds: readonly string[];
}

export function covers(credit: Pick<CreditCandidate, 'sessionTypeIds' | 'serviceIds'>, use: CreditUse): boolean {
  return 'serviceId' in use ? credit.serviceIds.includes(use.serviceId) : credit.sessionTypeIds.includes(use.sessionTypeId);
}

/** Could pay `use` on `date`: valid that day, a credit left, covering it (and of the kind asked, if any). */
export function canPay(credit: CreditCandidate, use: CreditUse, date: string, only?: 'pass' | 'plan'): boolean {
  return credit.balance > 0 && isValidOn(credit, date) && covers(credit, use) && (only === undefined || credit.kind === only);
}

/** The order credits are spent in: plan lines first (a plan is used within its validity), then the one expiring first, then the oldest. */
function creditOrder(a: CreditCandidate, b: CreditCandidate): number {
  if (a.kind !== b.kind) return a.kind === 'plan' ? -1 : 1;
  if (a.validUntil !== b.validUntil) return a.validUntil < b.validUntil ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every credit that could pay `use` on `date`, in the order they would be spent. */
export function usableCredits<C extends CreditCandidate>(credits: readonly C[], use: CreditUse, date: string, only?: 'pass' | 'plan'): C[] {
  return credits.filter((c) => canPay(c, use, date, only)).sort(creditOrder);
}

/** The credit that pays `use` on `date`, or null. */
export function chooseCredit<C extends CreditCandidate>(credits: readonly C[], use: CreditUse, date: string, only?: 'pass' | 'plan'): C | null {
  return usableCredits(credits, use, date, only)[0] ?? null;
}
