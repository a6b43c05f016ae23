import { sql } from 'kysely';
import type { BirthdayEntry, DailyListRow } from '../../src-shared/domain/agenda';
import { eventKinds } from '../../src-shared/domain/agenda';
import type { Appointment } from '../../src-shared/domain/appointments';
import { appointmentsInRange, countAppointments, dailyAppointmentRows } from '../db/queries/appointments';
import { countPassesRedeemed } from '../db/queries/ledger';
import { openNotifications, resolveNotifications } from '../db/queries/notifications';
import { occurrenceSummaries } from '../db/queries/occurrences';
import { readCentreSettings } from '../db/queries/settings';
import { addDays } from '../engine/time/local-time';
import { AppError } from '../errors/app-error';
import { localRangeToInstants } from './agenda-range';
import type { Handlers } from './handler';
import { fullName } from '../engine/text/full-name';

type AgendaHandlers = Pick<Handlers, 'agenda.range' | 'agenda.figures' | 'agenda.dailyList' | 'notifications.list' | 'notifications.dismiss'>;

/** Figures may span years (the Agendadas dashboard); the calendar asks for at most 100 days. */
const maxFigureDays = 3 * 366 + 1;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Month-days of a range; 29 February birthdays show on the 28th in common years. */
function birthdayKeys(from: string, to: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const monthDay = date.slice(5);
    keys.set(monthDay, date);
    if (monthDay === '02-28' && !isLeapYear(Number(date.slice(0, 4)))) keys.set('02-29', date);
  }
  return keys;
}

/** Session places and appointments in time order (a session's own rows keep their order). */
function mergeByStart(sessions: DailyListRow[], appointments: DailyListRow[]): DailyListRow[] {
  const merged: DailyListRow[] = [];
  let a = 0;
  for (const row of sessions) {
    while (a < appointments.length && appointments[a]!.startsAt < row.startsAt) merged.push(appointments[a++]!);
    merged.push(row);
  }
  return merged.concat(appointments.slice(a));
}

export const agendaHandlers: AgendaHandlers = {
  'agenda.range': async ({ from, to, staffIds, kinds, recurrence }, { db }) => {
    const settings = await readCentreSettings(db);
    const range = localRangeToInstants(from, to, settings.timeZone);
    const wanted = kinds ?? [...eventKinds, 'appointment', 'birthday'];
    const eventKindsWanted = eventKinds.filter((k) => wanted.includes(k));
    const occurrences =
      eventKindsWanted.length === 0 || staffIds?.length === 0
        ? []
        : await occurrenceSummaries(db, {
            range,
            scheduledOnly: true,
            kinds: eventKindsWanted,
            ...(staffIds ? { organizerIds: staffIds } : {}),
            ...(recurrence ? { recurring: recurrence === 'recurring' } : {}),
          });

    // Appointments are one-offs: the 'recurring' filter leaves them out.
    const appointments: Appointment[] =
      wanted.includes('appointment') && recurrence !== 'recurring' && staffIds?.length !== 0 ? await appointmentsInRange(db, range, staffIds) : [];

    let birthdays: BirthdayEntry[] = [];
    // Birthdays come back every year: they count as recurring, and belong to no professional.
    if (wanted.includes('birthday') && recurrence !== 'one_off') {
      const keys = birthdayKeys(from, to);
      const rows = await db
        .selectFrom('clients')
        .select(['id', 'first_name', 'last_name', 'birth_date'])
        .where(sql<string>`substr(birth_date, 6)`, 'in', [...keys.keys()])
        .where('birth_date', 'is not', null)
        .orderBy('sort_name')
        .execute();
      birthdays = rows.map((r) => {
        const date = keys.get(r.birth_date!.slice(5))!;
        return {
          kind: 'birthday',
          clientId: r.id,
          clientName: fullName(r.first_name, r.last_name),
          date,
          turns: Number(date.slice(0, 4)) - Number(r.birth_date!.slice(0, 4)),
        };
      });
      birthdays.sort((a, b) => a.date.localeCompare(b.date));
    }
    return { occurrences, appointments, birthdays };
  },

  'agenda.figures': async ({ from, to, staffIds }, { db }) => {
    const settings = await readCentreSettings(db);
    const range = localRangeToInstants(from, to, settings.timeZone, maxFigureDays);
    const now = new Date().toISOString();
    const staffFilter = staffIds && staffIds.length > 0 ? sql`AND o.organizer_id IN (${sql.join(staffIds)})` : staffIds ? sql`AND 0` : sql``;
    // The sessions of the range (by start) with their kept counts; cancellations and attendance are counted from bookings.
    const result = await sql<{
      total: number;
      with_free: number;
      waitlisted: number;
      confirmed: number;
      cancelled: number;
      past_attended: number;
      past_held: number;
    }>`
      WITH occ AS (
        SELECT o.id, o.places, o.ends_at, o.held_count, o.waitlist_count
        FROM occurrences o JOIN series s ON s.id = o.series_id
        WHERE s.kind = 'session' AND o.status = 'scheduled'
          AND o.starts_at >= ${range.fromIso} AND o.starts_at < ${range.toIso} ${staffFilter}
      )
      SELECT count(*) AS total,
        coalesce(sum(places IS NULL OR held_count < places), 0) AS with_free,
        coalesce(sum(waitlist_count), 0) AS waitlisted,
        coalesce(sum(held_count), 0) AS confirmed,
        (SELECT count(*) FROM occ JOIN bookings b ON b.occurrence_id = occ.id AND b.status = 'cancelled') AS cancelled,
        (SELECT count(*) FROM occ JOIN bookings b ON b.occurrence_id = occ.id AND b.status = 'attended' WHERE occ.ends_at <= ${now}) AS past_attended,
        coalesce(sum(CASE WHEN ends_at <= ${now} THEN held_count ELSE 0 END), 0) AS past_held
      FROM occ`.execute(db);
    const row = result.rows[0]!;
    const [appointmentCounts, passesRedeemed] = await Promise.all([countAppointments(db, range, staffIds), countPassesRedeemed(db, range, staffIds)]);
    const pastHeld = Number(row.past_held);
    return {
      totalSessions: Number(row.total),
      sessionsWithFreePlaces: Number(row.with_free),
      clientsOnWaitlists: Number(row.waitlisted),
      attendancePercent: pastHeld === 0 ? null : Math.round((Number(row.past_attended) / pastHeld) * 1000) / 10,
      confirmedBookings: Number(row.confirmed),
      cancelledBookings: Number(row.cancelled),
      passesRedeemed,
      ...appointmentCounts,
    };
  },

  'agenda.dailyList': async ({ date, staffId }, { db }) => {
    let query = db
      .selectFrom('occurrences')
      .innerJoin('series', 'series.id', 'occurrences.series_id')
      .innerJoin('staff', 'staff.id', 'occurrences.organizer_id')
      .innerJoin('bookings', 'bookings.occurrence_id', 'occurrences.id')
      .innerJoin('clients', 'clients.id', 'bookings.client_id')
      .select([
        'occurrences.id as occurrence_id',
        'occurrences.starts_at',
        'occurrences.local_start',
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
    const [rows, appointmentRows] = await Promise.all([query.execute(), dailyAppointmentRows(db, date, staffId)]);
    const sessionRows: DailyListRow[] = rows.map((r) => ({
      kind: 'session',
      appointmentId: null,
      startsAt: r.starts_at,
      time: r.local_start,
      occurrenceId: r.occurrence_id,
      what: r.title,
      professional: r.professional,
      clientId: r.client_id,
      clientName: fullName(r.first_name, r.last_name),
      phone: r.phone,
      status: r.status,
      notes: r.notes && r.notes.trim() !== '' ? r.notes : null,
    }));
    return { date, rows: mergeByStart(sessionRows, appointmentRows) };
  },

  'notifications.list': async (_input, { db }) => openNotifications(db),

  'notifications.dismiss': async ({ id }, { tx, now, log }) => {
    const found = await tx.selectFrom('desk_notifications').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw new AppError('not_found', 'id');
    await resolveNotifications(tx, { id }, now);
    log({ entity: 'desk_notification', entityId: id, changes: { resolved: true } });
    return { id };
  },
};
