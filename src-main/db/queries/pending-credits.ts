import { sql } from 'kysely';
import type { PendingCredit } from '../../../src-shared/domain/passes';
import type { CreditUse } from '../../engine/passes/choose-credit';
import { usableCredits } from '../../engine/passes/choose-credit';
import { fullName } from '../../engine/text/full-name';
import type { ReadDb } from '../database';
import { creditsHeld, toCandidate } from './client-passes';

interface Owed extends Omit<PendingCredit, 'usablePassIds'> {
  localDate: string;
  use: CreditUse | null;
  only?: 'plan';
}

/**
 * Bookings and appointments holding their place with the credit still owed (staff booked them),
 * soonest first, each with the client's passes that could pay it. Waitlisted and no-show ones wait.
 */
export async function pendingCredits(db: ReadDb, clientId?: string): Promise<PendingCredit[]> {
  let bookings = db
    .selectFrom('bookings as b')
    .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
    .innerJoin('series as s', 's.id', 'o.series_id')
    .innerJoin('clients as c', 'c.id', 'b.client_id')
    .select(['b.id', 'b.client_id', 'c.first_name', 'c.last_name', 'o.title', 'o.starts_at', 'o.local_date', 's.session_type_id'])
    // A literal (not a bound value) lets SQLite use the partial index bookings_credit_pending.
    .where(sql<boolean>`b.credit_state = 'pending'`)
    .where('b.status', 'in', ['booked', 'attended']);
  let appointments = db
    .selectFrom('appointments as a')
    .innerJoin('services as sv', 'sv.id', 'a.service_id')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .leftJoin('appointment_schedules as sc', 'sc.id', 'a.schedule_id')
    .select(['a.id', 'a.client_id', 'c.first_name', 'c.last_name', 'sv.name', 'a.starts_at', 'a.local_date', 'a.service_id', 'sc.redeemable_with_passes'])
    .where(sql<boolean>`a.credit_state = 'pending'`)
    .where('a.status', 'in', ['booked', 'attended']);
  if (clientId !== undefined) {
    bookings = bookings.where('b.client_id', '=', clientId);
    appointments = appointments.where('a.client_id', '=', clientId);
  }
  const [bookingRows, appointmentRows] = await Promise.all([bookings.execute(), appointments.execute()]);
  const owed: Owed[] = [
    ...bookingRows.map((r) => ({
      kind: 'booking' as const,
      id: r.id,
      clientId: r.client_id,
      clientName: fullName(r.first_name, r.last_name),
      what: r.title,
      startsAt: r.starts_at,
      localDate: r.local_date,
      use: r.session_type_id === null ? null : { sessionTypeId: r.session_type_id },
    })),
    ...appointmentRows.map((r) => ({
      kind: 'appointment' as const,
      id: r.id,
      clientId: r.client_id,
      clientName: fullName(r.first_name, r.last_name),
      what: r.name,
      startsAt: r.starts_at,
      localDate: r.local_date,
      use: { serviceId: r.service_id },
      ...(r.redeemable_with_passes === 1 ? {} : { only: 'plan' as const }),
    })),
  ];
  owed.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  if (owed.length === 0) return [];

  const earliest = owed.reduce((min, o) => (o.localDate < min ? o.localDate : min), owed[0]!.localDate);
  const held = (await creditsHeld(db, [...new Set(owed.map((o) => o.clientId))], earliest)).map(toCandidate);
  return owed.map(({ localDate, use, only, ...item }) => ({
    ...item,
    usablePassIds:
      use === null
        ? []
        : usableCredits(
            held.filter((c) => c.row.client_id === item.clientId),
            use,
            localDate,
            only,
          ).map((c) => c.id),
  }));
}
