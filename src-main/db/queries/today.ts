import type { TodayEntry, TodayStatus } from '../../../src-shared/domain/today';
import { fullName } from '../../engine/text/full-name';
import { instantToLocal } from '../../engine/time/local-time';
import type { ReadDb } from '../database';
import { todayStatusOf } from './attendance-stage';
import { messagesAllowedColumn } from './consents';

const notesOf = (notes: string | null) => (notes !== null && notes.trim() !== '' ? notes : null);

/**
 * The "Hoy" board of one local date, in one set of five queries whatever the number of people: the
 * places in the day's sessions (not the waitlist) and the appointments, then which of them a sale
 * charged and which clients came before that date.
 */
export async function todayBoard(db: ReadDb, date: string, timeZone: string): Promise<TodayEntry[]> {
  const [sessionRows, appointmentRows] = await Promise.all([
    db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .innerJoin('series as se', 'se.id', 'o.series_id')
      .innerJoin('staff as st', 'st.id', 'o.organizer_id')
      .innerJoin('clients as c', 'c.id', 'b.client_id')
      .select([
        'b.id',
        'b.status',
        'b.checked_in_at',
        'b.in_service_at',
        'b.done_at',
        'b.credit_state',
        'o.id as occurrence_id',
        'o.starts_at',
        'o.ends_at',
        'o.title',
        'o.organizer_id',
        'se.time_zone',
        'st.name as professional',
        'c.id as client_id',
        'c.first_name',
        'c.last_name',
        'c.phone',
        'c.notes',
        'c.sort_name',
        messagesAllowedColumn('c.id'),
      ])
      .where('o.local_date', '=', date)
      .where('o.status', '=', 'scheduled')
      .where('se.kind', '=', 'session')
      .where('b.status', '!=', 'waitlisted')
      .execute(),
    db
      .selectFrom('appointments as a')
      .innerJoin('clients as c', 'c.id', 'a.client_id')
      .innerJoin('staff as st', 'st.id', 'a.staff_id')
      .innerJoin('services as sv', 'sv.id', 'a.service_id')
      .select([
        'a.id',
        'a.status',
        'a.checked_in_at',
        'a.in_service_at',
        'a.done_at',
        'a.credit_state',
        'a.starts_at',
        'a.ends_at',
        'a.local_start',
        'a.staff_id',
        'sv.name as service_name',
        'st.name as professional',
        'c.id as client_id',
        'c.first_name',
        'c.last_name',
        'c.phone',
        'c.notes',
        'c.sort_name',
        messagesAllowedColumn('c.id'),
      ])
      .where('a.local_date', '=', date)
      .execute(),
  ]);

  const bookingIds = sessionRows.map((r) => r.id);
  const appointmentIds = appointmentRows.map((r) => r.id);
  const clientIds = [...new Set([...sessionRows.map((r) => r.client_id), ...appointmentRows.map((r) => r.client_id)])];
  const none = Promise.resolve([]);
  const [paidLines, earlierBookings, earlierAppointments] = await Promise.all([
    bookingIds.length + appointmentIds.length === 0
      ? none
      : db
          .selectFrom('sale_lines as l')
          .innerJoin('sales as s', 's.id', 'l.sale_id')
          .select(['l.booking_id', 'l.appointment_id'])
          .where('s.status', '=', 'paid')
          .where((eb) =>
            eb.or([
              ...(bookingIds.length > 0 ? [eb('l.booking_id', 'in', bookingIds)] : []),
              ...(appointmentIds.length > 0 ? [eb('l.appointment_id', 'in', appointmentIds)] : []),
            ]),
          )
          .execute(),
    clientIds.length === 0
      ? none
      : db
          .selectFrom('bookings as b')
          .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
          .select('b.client_id')
          .distinct()
          .where('b.client_id', 'in', clientIds)
          .where('b.status', '=', 'attended')
          .where('o.local_date', '<', date)
          .execute(),
    clientIds.length === 0
      ? none
      : db
          .selectFrom('appointments as a')
          .select('a.client_id')
          .distinct()
          .where('a.client_id', 'in', clientIds)
          .where('a.status', '=', 'attended')
          .where('a.local_date', '<', date)
          .execute(),
  ]);
  const paid = new Set<string>();
  for (const line of paidLines as { booking_id: string | null; appointment_id: string | null }[]) {
    if (line.booking_id) paid.add(line.booking_id);
    if (line.appointment_id) paid.add(line.appointment_id);
  }
  const cameBefore = new Set([...(earlierBookings as { client_id: string }[]), ...(earlierAppointments as { client_id: string }[])].map((r) => r.client_id));

  const entries: (TodayEntry & { sortName: string })[] = [
    ...sessionRows.map((r) => ({
      kind: 'session' as const,
      id: r.id,
      occurrenceId: r.occurrence_id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      // The time it happens, from the instant (an older row may hold a wall time in a spring-forward gap).
      time: instantToLocal(new Date(r.starts_at), r.time_zone || timeZone).time,
      what: r.title,
      professional: r.professional,
      staffId: r.organizer_id,
      clientId: r.client_id,
      clientName: fullName(r.first_name, r.last_name),
      phone: r.phone,
      messagesAllowed: r.messages_allowed === 1,
      status: todayStatusOf(r) as TodayStatus,
      checkedInAt: r.checked_in_at,
      inServiceAt: r.in_service_at,
      doneAt: r.done_at,
      creditState: r.credit_state,
      paid: paid.has(r.id),
      notes: notesOf(r.notes),
      firstVisit: !cameBefore.has(r.client_id),
      sortName: r.sort_name,
    })),
    ...appointmentRows.map((r) => ({
      kind: 'appointment' as const,
      id: r.id,
      occurrenceId: null,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      time: r.local_start,
      what: r.service_name,
      professional: r.professional,
      staffId: r.staff_id,
      clientId: r.client_id,
      clientName: fullName(r.first_name, r.last_name),
      phone: r.phone,
      messagesAllowed: r.messages_allowed === 1,
      status: todayStatusOf(r) as TodayStatus,
      checkedInAt: r.checked_in_at,
      inServiceAt: r.in_service_at,
      doneAt: r.done_at,
      creditState: r.credit_state,
      paid: paid.has(r.id),
      notes: notesOf(r.notes),
      firstVisit: !cameBefore.has(r.client_id),
      sortName: r.sort_name,
    })),
  ];
  // Time order; within one start, a session's places stay together, by name.
  entries.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.what.localeCompare(b.what) || a.sortName.localeCompare(b.sortName)));
  return entries.map(({ sortName: _sortName, ...entry }) => entry);
}
