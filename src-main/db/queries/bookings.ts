import type { Booking } from '../../../src-shared/domain/agenda';
import { AppError } from '../../errors/app-error';
import type { Db, WriteTx } from '../database';
import { fullName } from '../../engine/text/full-name';

type Reader = Db | WriteTx;

function bookingQuery(db: Reader) {
  return db
    .selectFrom('bookings')
    .innerJoin('clients', 'clients.id', 'bookings.client_id')
    .select([
      'bookings.id',
      'bookings.occurrence_id',
      'bookings.client_id',
      'bookings.status',
      'bookings.waitlist_position',
      'bookings.over_places',
      'bookings.credit_state',
      'bookings.client_pass_id',
      'bookings.created_at',
      'clients.first_name',
      'clients.last_name',
      'clients.phone',
      'clients.notes',
      'clients.sort_name',
    ]);
}

type BookingRow = Awaited<ReturnType<ReturnType<typeof bookingQuery>['executeTakeFirstOrThrow']>>;

function toBooking(r: BookingRow): Booking {
  return {
    id: r.id,
    occurrenceId: r.occurrence_id,
    clientId: r.client_id,
    clientName: fullName(r.first_name, r.last_name),
    phone: r.phone,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    overPlaces: r.over_places === 1,
    hasNotes: r.notes !== null && r.notes.trim() !== '',
    creditState: r.credit_state,
    clientPassId: r.client_pass_id,
    createdAt: r.created_at,
  };
}

export async function loadBooking(db: Reader, id: string, field = 'bookingId'): Promise<Booking> {
  const row = await bookingQuery(db).where('bookings.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toBooking(row);
}

/** Every booking of an occurrence: waitlist in order, the rest by name. */
export async function bookingsOf(db: Reader, occurrenceId: string): Promise<Booking[]> {
  const rows = await bookingQuery(db)
    .where('bookings.occurrence_id', '=', occurrenceId)
    .orderBy('bookings.waitlist_position')
    .orderBy('clients.sort_name')
    .execute();
  return rows.map(toBooking);
}

/** Closes the gaps a leaving client opens: positions stay 1, 2, 3… in the same order. */
export async function renumberWaitlist(tx: WriteTx, occurrenceId: string, now: string): Promise<void> {
  const rows = await tx
    .selectFrom('bookings')
    .select(['id', 'waitlist_position'])
    .where('occurrence_id', '=', occurrenceId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .execute();
  // Ascending, one at a time: each target position is free when it is taken (unique index).
  for (const [index, row] of rows.entries()) {
    if (row.waitlist_position !== index + 1) {
      await tx.updateTable('bookings').set({ waitlist_position: index + 1, updated_at: now }).where('id', '=', row.id).execute();
    }
  }
}
