import { sql, type Insertable } from 'kysely';
import type { DailyListRow } from '../../../src-shared/domain/agenda';
import type { Appointment, HistoryBooking, OverrideRule } from '../../../src-shared/domain/appointments';
import { AppError } from '../../errors/app-error';
import { fullName } from '../../engine/text/full-name';
import { instantToLocal } from '../../engine/time/local-time';
import { attendanceColumns, type AttendanceStage } from './attendance-stage';
import { messagesAllowedColumn } from './consents';
import type { ReadDb, WriteTx } from '../database';
import { precompiledByShape } from '../precompiled-shape';
import type { AppointmentsTable } from '../tables/appointments';
import { insertRows } from '../precompiled-insert';

function appointmentQuery(db: ReadDb) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .innerJoin('staff as st', 'st.id', 'a.staff_id')
    .innerJoin('services as sv', 'sv.id', 'a.service_id')
    .selectAll('a')
    .select(['c.first_name', 'c.last_name', 'c.phone', 'c.notes', 'st.name as staff_name', 'st.colour', 'sv.name as service_name'])
    .select(messagesAllowedColumn('c.id'));
}

type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['executeTakeFirstOrThrow']>>;

function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: fullName(r.first_name, r.last_name),
    phone: r.phone,
    messagesAllowed: r.messages_allowed === 1,
    hasNotes: r.notes !== null && r.notes.trim() !== '',
    staffId: r.staff_id,
    staffName: r.staff_name,
    colour: r.colour,
    serviceId: r.service_id,
    serviceName: r.service_name,
    scheduleId: r.schedule_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    localDate: r.local_date,
    localStart: r.local_start,
    localEnd: r.local_end,
    bufferBeforeMin: r.buffer_before_min,
    bufferAfterMin: r.buffer_after_min,
    status: r.status,
    overridden: r.overridden === null ? [] : (JSON.parse(r.overridden) as OverrideRule[]),
    source: r.source,
    creditState: r.credit_state,
    clientPassId: r.client_pass_id,
    note: r.note,
    cancelReason: r.cancel_reason,
    cancelledAt: r.cancelled_at,
    checkedInAt: r.checked_in_at,
    createdAt: r.created_at,
  };
}

export async function loadAppointment(db: ReadDb, id: string, field = 'appointmentId'): Promise<Appointment> {
  const row = await appointmentQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toAppointment(row);
}

/**
 * Appointments still holding their time that overlap a range of instants, by start. `earliestStart`
 * bounds the starts_at index (no appointment lasts more than a day).
 */
export async function appointmentsInRange(
  db: ReadDb,
  range: { earliestStart: string; fromIso: string; toIso: string },
  staffIds?: readonly string[],
): Promise<Appointment[]> {
  let query = appointmentQuery(db)
    .where('a.starts_at', '>=', range.earliestStart)
    .where('a.starts_at', '<', range.toIso)
    .where('a.ends_at', '>', range.fromIso)
    .where('a.status', '!=', 'cancelled')
    .orderBy('a.starts_at')
    .orderBy('st.name_key')
    .orderBy('a.id');
  if (staffIds) query = query.where('a.staff_id', 'in', staffIds.length > 0 ? staffIds : ['']);
  return (await query.execute()).map(toAppointment);
}

// Built once per number of rows: the month view asks this every time it opens.
const appointmentsByRowid = precompiledByShape((db, p: { rowids: readonly number[] }) =>
  appointmentQuery(db).where(sql<number>`a.rowid`, 'in', p.rowids).orderBy('a.starts_at').orderBy('st.name_key').orderBy('a.id'),
);

/** These appointments by rowid (the month view's day pages: an index entry carries its rowid), by start. */
export async function appointmentsWithRowids(db: ReadDb, rowids: readonly number[]): Promise<Appointment[]> {
  return rowids.length === 0 ? [] : (await appointmentsByRowid(db, { rowids })).map(toAppointment);
}

/** A day's appointments that still hold their time, as rows of the daily list, by start. */
export async function dailyAppointmentRows(db: ReadDb, date: string, staffId?: string): Promise<DailyListRow[]> {
  let query = appointmentQuery(db).where('a.local_date', '=', date).where('a.status', '!=', 'cancelled').orderBy('a.starts_at').orderBy('st.name_key').orderBy('c.sort_name');
  if (staffId !== undefined) query = query.where('a.staff_id', '=', staffId);
  const rows = await query.execute();
  return rows.map((r) => ({
    kind: 'appointment',
    appointmentId: r.id,
    startsAt: r.starts_at,
    time: r.local_start,
    endTime: r.local_end,
    places: null,
    occurrenceId: null,
    what: r.service_name,
    professional: r.staff_name,
    clientId: r.client_id,
    clientName: fullName(r.first_name, r.last_name),
    phone: r.phone,
    status: r.status,
    notes: r.notes && r.notes.trim() !== '' ? r.notes : null,
  }));
}

/** Every appointment of a client, newest first. */
export async function appointmentsOfClient(db: ReadDb, clientId: string): Promise<Appointment[]> {
  const rows = await appointmentQuery(db).where('a.client_id', '=', clientId).orderBy('a.starts_at', 'desc').orderBy('a.id', 'desc').execute();
  return rows.map(toAppointment);
}

/** Every session booking of a client, newest first. */
export async function sessionBookingsOfClient(db: ReadDb, clientId: string): Promise<HistoryBooking[]> {
  const rows = await db
    .selectFrom('bookings as b')
    .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
    .innerJoin('series as se', 'se.id', 'o.series_id')
    .innerJoin('staff as st', 'st.id', 'o.organizer_id')
    .select(['b.id', 'b.occurrence_id', 'b.status', 'o.title', 'o.starts_at', 'se.time_zone', 'st.name'])
    .where('b.client_id', '=', clientId)
    .orderBy('o.starts_at', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
  return rows.map((r) => {
    // Where and when it happens, from the instant (an older row may hold a wall time in a spring-forward gap).
    const local = instantToLocal(new Date(r.starts_at), r.time_zone);
    return { bookingId: r.id, occurrenceId: r.occurrence_id, title: r.title, staffName: r.name, startsAt: r.starts_at, localDate: local.date, localStart: local.time, status: r.status };
  });
}

/** Appointments starting in a range of instants, counted: still held, and cancelled (the agenda's figures). */
export async function countAppointments(db: ReadDb, range: { fromIso: string; toIso: string }, staffIds?: readonly string[]) {
  let query = db
    .selectFrom('appointments')
    .select((eb) => [
      eb.fn.sum<number | null>(eb('status', '!=', 'cancelled')).as('held'),
      eb.fn.sum<number | null>(eb('status', '=', 'cancelled')).as('cancelled'),
    ])
    .where('starts_at', '>=', range.fromIso)
    .where('starts_at', '<', range.toIso);
  if (staffIds) query = query.where('staff_id', 'in', staffIds.length > 0 ? staffIds : ['']);
  const row = await query.executeTakeFirstOrThrow();
  return { appointments: Number(row.held ?? 0), cancelledAppointments: Number(row.cancelled ?? 0) };
}

/** Where and how long an appointment is held: what placing it decides. */
export type AppointmentPlacement = Pick<
  AppointmentsTable,
  | 'staff_id'
  | 'schedule_id'
  | 'starts_at'
  | 'ends_at'
  | 'local_date'
  | 'local_start'
  | 'local_end'
  | 'buffer_before_min'
  | 'buffer_after_min'
  | 'blocked_from'
  | 'blocked_until'
  | 'overridden'
>;

export async function insertAppointment(tx: WriteTx, row: Insertable<AppointmentsTable>): Promise<void> {
  await insertRows(tx, 'appointments', row);
}

export async function moveAppointment(tx: WriteTx, id: string, placement: AppointmentPlacement, now: string): Promise<void> {
  await tx
    .updateTable('appointments')
    .set({ ...placement, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markAppointmentCancelled(tx: WriteTx, id: string, reason: string | null, now: string): Promise<void> {
  await tx
    .updateTable('appointments')
    .set({ status: 'cancelled', cancel_reason: reason, cancelled_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Attended (checked in now), a no-show, or back to booked. */
export async function setAppointmentAttendance(tx: WriteTx, id: string, status: 'booked' | 'attended' | 'no_show', now: string, stage?: AttendanceStage): Promise<void> {
  await tx.updateTable('appointments').set(attendanceColumns(status, now, stage)).where('id', '=', id).execute();
}
