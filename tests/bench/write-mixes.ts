import type { CallName, CallInput, CallResult } from '../../src-shared/api/contract';
import type { AppointmentSchedule, FreeSlot } from '../../src-shared/domain/appointments';
import type { demoRandom } from '../../src-main/cli/demo-data';
import { overlapsBusy } from '../../src-main/engine/appointments/busy';
import type { BusyInterval } from '../../src-main/engine/appointments/free-slots';
import { addDays } from '../../src-main/engine/time/local-time';
import type { SeededCheckout } from './seed-checkout';

/**
 * The write mixes the 1× benches time, in one place so that the scale bench times the very same
 * calls at 10× (the 1× / 10× ratio means nothing if the two mixes drift apart).
 */

type Random = ReturnType<typeof demoRandom>;
type Call = <C extends CallName>(name: C, input: CallInput<C>) => Promise<CallResult<C>>;

const MINUTE_MS = 60_000;

/**
 * `wanted` appointment starts found with slots.find (a week of one professional, in the next two
 * months), chosen so that no two collide, buffers included: every one of them books.
 */
export async function freeAppointmentPicks(
  call: Call,
  centre: { staffIds: string[]; schedules: AppointmentSchedule[]; serviceId: string; today: string },
  random: Random,
  wanted: number,
): Promise<{ staffId: string; startsAt: string }[]> {
  const picks: { staffId: string; startsAt: string }[] = [];
  const taken = new Map<string, BusyInterval[]>();
  const scheduleOf = new Map(centre.schedules.map((s) => [s.staffId, s]));
  while (picks.length < wanted) {
    const staffId = random.pick(centre.staffIds);
    const from = addDays(centre.today, random.int(1, 60));
    const slots: FreeSlot[] = await call('slots.find', { serviceId: centre.serviceId, staffId, from, to: addDays(from, 6) });
    const schedule = scheduleOf.get(staffId)!;
    for (let k = 0; k < 3 && slots.length > 0 && picks.length < wanted; k++) {
      const slot = random.pick(slots);
      const startMs = Date.parse(slot.startsAt);
      const blocked = { from: startMs - schedule.bufferBeforeMin * MINUTE_MS, to: Date.parse(slot.options[0]!.endsAt) + schedule.bufferAfterMin * MINUTE_MS };
      const mine = taken.get(staffId) ?? [];
      if (overlapsBusy(blocked.from, blocked.to, mine)) continue;
      mine.push(blocked);
      taken.set(staffId, mine);
      picks.push({ staffId, startsAt: slot.startsAt });
    }
  }
  return picks;
}

/** `wanted` (upcoming place, client) pairs the client is not booked in yet; `livePairs` learns them. */
export function newBookingPairs(
  centre: { upcoming: { id: string }[]; clientIds: string[]; livePairs: Set<string> },
  random: Random,
  wanted: number,
): { occurrenceId: string; clientId: string }[] {
  const pairs: { occurrenceId: string; clientId: string }[] = [];
  while (pairs.length < wanted) {
    const occurrence = random.pick(centre.upcoming);
    const clientId = random.pick(centre.clientIds);
    const key = `${occurrence.id} ${clientId}`;
    if (centre.livePairs.has(key)) continue;
    centre.livePairs.add(key);
    pairs.push({ occurrenceId: occurrence.id, clientId });
  }
  return pairs;
}

/** 18,00 € covered by a pass credit + 45,00 € − 10 % + a 50,00 € pass = 90,50 €. */
const expectedTotal = 0 + 4050 + 5000;

/**
 * The bench sale for buyer i (each buyer has a credit to spend): a Corte paid by the client's pass,
 * a Tinte with the promo, a pass sold; card and cash. Throws if the sale is not the one meant.
 */
export function benchSale(call: Call, seeded: SeededCheckout): (i: number) => Promise<void> {
  return async (i) => {
    const sale = await call('checkout.commit', {
      clientId: seeded.buyers[i]!,
      lines: [
        { kind: 'service', serviceId: seeded.corte },
        { kind: 'service', serviceId: seeded.tinte },
        { kind: 'pass', passProductId: seeded.soldPassProductId },
      ],
      promoCode: seeded.promoCode,
      payments: [
        { method: 'card', amountMinor: 5000 },
        { method: 'cash', amountMinor: expectedTotal - 5000 },
      ],
    });
    if (sale.lines[0]!.coveredBy !== 'pass' || sale.promoDiscountMinor !== 450) throw new Error(`the bench sale is not the one meant: ${JSON.stringify(sale)}`);
  };
}
