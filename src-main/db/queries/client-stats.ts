import type { ClientStats } from '../../../src-shared/domain/checkout';
import type { ReadDb } from '../database';

/**
 * The client card header's habits:
 * - average spend: the mean total of the client's sales not voided (rounded half up to the minor unit);
 * - future bookings: session bookings booked or waitlisted in scheduled sessions, and booked
 *   appointments, starting after `now`;
 * - last visit: the latest start of a booking or appointment attended, or past and still booked
 *   (neither cancelled nor a no-show).
 */
export async function clientStats(db: ReadDb, clientId: string, now: string): Promise<ClientStats> {
  const [sales, futureSessions, futureAppointments, lastSession, lastAppointment] = await Promise.all([
    db
      .selectFrom('sales')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number | null>('total_minor').as('total')])
      .where('client_id', '=', clientId)
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('b.client_id', '=', clientId)
      .where('b.status', 'in', ['booked', 'waitlisted'])
      .where('o.status', '=', 'scheduled')
      .where('o.starts_at', '>', now)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('client_id', '=', clientId)
      .where('status', '=', 'booked')
      .where('starts_at', '>', now)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .select((eb) => eb.fn.max<string | null>('o.starts_at').as('at'))
      .where('b.client_id', '=', clientId)
      .where((eb) =>
        eb.or([eb('b.status', '=', 'attended'), eb.and([eb('b.status', '=', 'booked'), eb('o.status', '=', 'scheduled'), eb('o.starts_at', '<=', now)])]),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.max<string | null>('starts_at').as('at'))
      .where('client_id', '=', clientId)
      .where((eb) => eb.or([eb('status', '=', 'attended'), eb.and([eb('status', '=', 'booked'), eb('starts_at', '<=', now)])]))
      .executeTakeFirstOrThrow(),
  ]);
  const count = Number(sales.n);
  const lastVisit = [lastSession.at, lastAppointment.at].filter((at): at is string => at !== null).sort().at(-1) ?? null;
  return {
    averageSpendMinor: count === 0 ? null : Math.floor((Number(sales.total ?? 0) * 2 + count) / (2 * count)),
    salesCount: count,
    futureBookings: Number(futureSessions.n) + Number(futureAppointments.n),
    lastVisit,
  };
}
