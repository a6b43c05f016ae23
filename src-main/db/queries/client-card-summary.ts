import type { ClientCardSummary } from '../../../src-shared/domain/client-card';
import type { ReadDb } from '../database';
import { passesOfClient, toClientPass } from './client-passes';

const DAY_MS = 86_400_000;
/** How far back an unpaid visit is still the desk's business (older ones are the accountant's). */
export const UNPAID_WINDOW_DAYS = 60;

/**
 * The card header's summary, in a handful of indexed reads whatever the client's history: the next
 * visit (the soonest of each kind), live balances, credits pending and recent visits left unpaid
 * (attended, no paid sale line and no credit, as the Hoy board's "sin pagar").
 */
export async function clientCardSummary(db: ReadDb, clientId: string, now: string, today: string): Promise<ClientCardSummary> {
  const since = new Date(Date.parse(now) - UNPAID_WINDOW_DAYS * DAY_MS).toISOString();
  const [nextSession, nextAppointment, passes, pendingBookings, pendingAppointments, unpaidBookings, unpaidAppointments] = await Promise.all([
    db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .innerJoin('staff as st', 'st.id', 'o.organizer_id')
      .select(['b.id', 'o.starts_at', 'o.title', 'st.name'])
      .where('b.client_id', '=', clientId)
      .where('b.status', 'in', ['booked', 'waitlisted'])
      .where('o.status', '=', 'scheduled')
      .where('o.starts_at', '>', now)
      .orderBy('o.starts_at')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('appointments as a')
      .innerJoin('services as sv', 'sv.id', 'a.service_id')
      .innerJoin('staff as st', 'st.id', 'a.staff_id')
      .select(['a.id', 'a.starts_at', 'sv.name as service', 'st.name'])
      .where('a.client_id', '=', clientId)
      .where('a.status', '=', 'booked')
      .where('a.starts_at', '>', now)
      .orderBy('a.starts_at')
      .limit(1)
      .executeTakeFirst(),
    passesOfClient(db, clientId, { today, includeExpired: false }),
    db
      .selectFrom('bookings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('client_id', '=', clientId)
      .where('credit_state', '=', 'pending')
      .where('status', '!=', 'cancelled')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('client_id', '=', clientId)
      .where('credit_state', '=', 'pending')
      .where('status', '!=', 'cancelled')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('b.client_id', '=', clientId)
      .where('b.status', '=', 'attended')
      .where('b.credit_state', '=', 'none')
      .where('o.starts_at', '>=', since)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('sale_lines as l').innerJoin('sales as s', 's.id', 'l.sale_id').select('l.id').whereRef('l.booking_id', '=', 'b.id').where('s.status', '=', 'paid'))),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appointments as a')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.client_id', '=', clientId)
      .where('a.status', '=', 'attended')
      .where('a.credit_state', '=', 'none')
      .where('a.starts_at', '>=', since)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('sale_lines as l').innerJoin('sales as s', 's.id', 'l.sale_id').select('l.id').whereRef('l.appointment_id', '=', 'a.id').where('s.status', '=', 'paid'))),
      )
      .executeTakeFirstOrThrow(),
  ]);

  const candidates = [
    nextSession && { kind: 'session' as const, id: nextSession.id, startsAt: nextSession.starts_at, what: nextSession.title, professional: nextSession.name },
    nextAppointment && { kind: 'appointment' as const, id: nextAppointment.id, startsAt: nextAppointment.starts_at, what: nextAppointment.service, professional: nextAppointment.name },
  ].filter((v) => !!v);
  return {
    nextVisit: candidates.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null,
    balances: passes
      .map((row) => toClientPass(row, today))
      .filter((p) => !p.expired && p.validFrom <= today)
      .map((p) => ({ id: p.id, kind: p.kind, name: p.planName ? `${p.planName} · ${p.name}` : p.name, balance: p.balance, creditsTotal: p.creditsTotal, validUntil: p.validUntil })),
    pendingCredits: Number(pendingBookings.n) + Number(pendingAppointments.n),
    unpaidVisits: Number(unpaidBookings.n) + Number(unpaidAppointments.n),
  };
}
