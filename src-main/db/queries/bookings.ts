import type { Insertable } from 'kysely';
import type { Booking, DailyListRow } from '../../../src-shared/domain/agenda';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { BookingsTable } from '../tables/agenda';
import { fullName } from '../../engine/text/full-name';
import { instantToLocal } from '../../engine/time/local-time';
import { attendanceColumns, type AttendanceStage } from './attendance-stage';
import { messagesAllowedColumn } from './consents';
import { precompiled } from '../precompiled';
import { insertRows } from '../precompiled-insert';

function bookingQuery(db: ReadDb) {
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
      'bookings.offered_at',
      'bookings.created_at',
      'clients.first_name',
      'clients.last_name',
      'clients.phone',
      'clients.notes',
      'clients.sort_name',
      messagesAllowedColumn('clients.id'),
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
    messagesAllowed: r.messages_allowed === 1,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    overPlaces: r.over_places === 1,
    hasNotes: r.notes !== null && r.notes.trim() !== '',
    creditState: r.credit_state,
    clientPassId: r.client_pass_id,
    offeredAt: r.offered_at,
    createdAt: r.created_at,
  };
}

// Every booking and every move of one runs this: built once.
const bookingById = precompiled((db, p: { id: string }) => bookingQuery(db).where('bookings.id', '=', p.id));

/** The client of a new booking: whether they may book, and the columns their booking shows. */
export type BookingClient = Pick<BookingRow, 'first_name' | 'last_name' | 'phone' | 'notes' | 'messages_allowed'> & { id: string; blacklisted: 0 | 1 };

// Read once by sessions.book, so that the booking it inserts need not be read back: built once.
const bookingClient = precompiled((db, p: { id: string }) =>
  db
    .selectFrom('clients')
    .select(['clients.id', 'clients.blacklisted', 'clients.first_name', 'clients.last_name', 'clients.phone', 'clients.notes', messagesAllowedColumn('clients.id')])
    .where('clients.id', '=', p.id),
);

export async function loadBookingClient(db: ReadDb, id: string, field: string): Promise<BookingClient> {
  const [client] = await bookingClient(db, { id });
  if (!client) throw new AppError('not_found', field);
  return client;
}

/**
 * A booking just inserted, as loadBooking would read it back in the same transaction: the row as
 * written (nothing else sets its columns on insert) with the client read before it.
 */
export function insertedBooking(row: Insertable<BookingsTable>, client: BookingClient, clientPassId: string | null): Booking {
  return toBooking({
    id: row.id,
    occurrence_id: row.occurrence_id,
    client_id: row.client_id,
    status: row.status,
    waitlist_position: row.waitlist_position ?? null,
    over_places: row.over_places,
    credit_state: row.credit_state ?? 'none',
    client_pass_id: clientPassId,
    offered_at: null,
    created_at: row.created_at,
    first_name: client.first_name,
    last_name: client.last_name,
    phone: client.phone,
    notes: client.notes,
    sort_name: '',
    messages_allowed: client.messages_allowed,
  });
}

export async function loadBooking(db: ReadDb, id: string, field = 'bookingId'): Promise<Booking> {
  const [row] = await bookingById(db, { id });
  if (!row) throw new AppError('not_found', field);
  return toBooking(row);
}

/** Every booking of an occurrence: waitlist in order, the rest by name. */
export async function bookingsOf(db: ReadDb, occurrenceId: string): Promise<Booking[]> {
  const rows = await bookingQuery(db)
    .where('bookings.occurrence_id', '=', occurrenceId)
    .orderBy('bookings.waitlist_position')
    .orderBy('clients.sort_name')
    .execute();
  return rows.map(toBooking);
}

/** Whether the client already holds a booking (not cancelled) of the occurrence. */
export async function hasLiveBooking(db: ReadDb, occurrenceId: string, clientId: string): Promise<boolean> {
  return (await liveBookingOf(db, { occurrenceId, clientId })).length > 0;
}

const liveBookingOf = precompiled((db, p: { occurrenceId: string; clientId: string }) =>
  db
    .selectFrom('bookings')
    .select('id')
    .where('occurrence_id', '=', p.occurrenceId)
    .where('client_id', '=', p.clientId)
    .where('status', '!=', 'cancelled')
    .limit(1),
);

/** A day's session bookings not cancelled, as rows of the daily list: by start, session, waitlist, then name. */
export async function dailySessionRows(db: ReadDb, date: string, staffId?: string): Promise<DailyListRow[]> {
  let query = db
    .selectFrom('occurrences')
    .innerJoin('series', 'series.id', 'occurrences.series_id')
    .innerJoin('staff', 'staff.id', 'occurrences.organizer_id')
    .innerJoin('bookings', 'bookings.occurrence_id', 'occurrences.id')
    .innerJoin('clients', 'clients.id', 'bookings.client_id')
    .select([
      'occurrences.id as occurrence_id',
      'occurrences.starts_at',
      'occurrences.ends_at',
      'occurrences.places',
      'series.time_zone',
      'occurrences.title',
      'staff.name as professional',
      'clients.id as client_id',
      'clients.first_name',
      'clients.last_name',
      'clients.phone',
      'clients.notes',
      'bookings.status',
    ])
    .where('occurrences.local_date', '=', date)
    .where('occurrences.status', '=', 'scheduled')
    .where('series.kind', '=', 'session')
    .where('bookings.status', '!=', 'cancelled')
    .orderBy('occurrences.starts_at')
    .orderBy('occurrences.title')
    .orderBy('bookings.waitlist_position')
    .orderBy('clients.sort_name');
  if (staffId) query = query.where('occurrences.organizer_id', '=', staffId);
  const rows = await query.execute();
  // Each session's places held and waitlist, from its own rows (cancelled ones are not among them).
  const counts = new Map<string, { held: number; waiting: number }>();
  for (const r of rows) {
    const c = counts.get(r.occurrence_id) ?? { held: 0, waiting: 0 };
    if (r.status === 'waitlisted') c.waiting += 1;
    else c.held += 1;
    counts.set(r.occurrence_id, c);
  }
  return rows.map((r) => ({
    kind: 'session',
    appointmentId: null,
    startsAt: r.starts_at,
    // The time it happens, from the instant (an older row may hold a wall time in a spring-forward gap).
    time: instantToLocal(new Date(r.starts_at), r.time_zone).time,
    endTime: instantToLocal(new Date(r.ends_at), r.time_zone).time,
    places: { held: counts.get(r.occurrence_id)?.held ?? 0, of: r.places, waiting: counts.get(r.occurrence_id)?.waiting ?? 0 },
    occurrenceId: r.occurrence_id,
    what: r.title,
    professional: r.professional,
    clientId: r.client_id,
    clientName: fullName(r.first_name, r.last_name),
    phone: r.phone,
    status: r.status,
    notes: r.notes && r.notes.trim() !== '' ? r.notes : null,
  }));
}

export async function insertBooking(tx: WriteTx, row: Insertable<BookingsTable>): Promise<void> {
  await insertRows(tx, 'bookings', row);
}

export async function markBookingCancelled(tx: WriteTx, id: string, now: string): Promise<void> {
  await tx
    .updateTable('bookings')
    .set({ status: 'cancelled', waitlist_position: null, cancelled_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The desk offered a freed place to this waitlisted client. */
export async function markBookingOffered(tx: WriteTx, id: string, now: string): Promise<void> {
  await tx.updateTable('bookings').set({ offered_at: now, updated_at: now }).where('id', '=', id).execute();
}

/** A waitlisted booking takes a place: booked, out of the waitlist. */
export async function bookFromWaitlist(tx: WriteTx, id: string, now: string): Promise<void> {
  await tx.updateTable('bookings').set({ status: 'booked', waitlist_position: null, updated_at: now }).where('id', '=', id).execute();
}

/** Attended (checked in now), a no-show, or back to booked. */
export async function setBookingAttendance(tx: WriteTx, id: string, status: 'booked' | 'attended' | 'no_show', now: string, stage?: AttendanceStage): Promise<void> {
  await tx.updateTable('bookings').set(attendanceColumns(status, now, stage)).where('id', '=', id).execute();
}

/** A client's bookings holding a place or a waitlist spot in occurrences not yet started. */
export async function upcomingBookingsOfClient(db: ReadDb, clientId: string, now: string): Promise<Pick<BookingsTable, 'occurrence_id' | 'status'>[]> {
  return db
    .selectFrom('bookings')
    .innerJoin('occurrences', 'occurrences.id', 'bookings.occurrence_id')
    .select(['bookings.occurrence_id', 'bookings.status'])
    .where('bookings.client_id', '=', clientId)
    .where('bookings.status', 'in', ['booked', 'waitlisted'])
    .where('occurrences.starts_at', '>', now)
    .execute();
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
