import type { AffectedBooking } from '../../../src-shared/domain/agenda';
import type { ReadDb } from '../database';
import { fullName } from '../../engine/text/full-name';
import { messagesAllowedColumn } from './consents';

/** The clients holding a place or a waitlist spot on an occurrence: the ones to tell of a change. */
export async function liveBookingsOf(
  db: ReadDb,
  occurrence: { id: string; starts_at: string },
  nowStartsAt: string | null,
): Promise<AffectedBooking[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('clients', 'clients.id', 'bookings.client_id')
    .select(['bookings.id', 'bookings.client_id', 'clients.first_name', 'clients.last_name', 'clients.phone'])
    .select(messagesAllowedColumn('clients.id'))
    .where('bookings.occurrence_id', '=', occurrence.id)
    .where('bookings.status', 'in', ['booked', 'waitlisted'])
    .orderBy('clients.sort_name')
    .execute();
  return rows.map((r) => ({
    bookingId: r.id,
    clientId: r.client_id,
    clientName: fullName(r.first_name, r.last_name),
    phone: r.phone,
    messagesAllowed: r.messages_allowed === 1,
    occurrenceId: occurrence.id,
    wasStartsAt: occurrence.starts_at,
    nowStartsAt,
  }));
}
