import type { DailyListRow } from '../../src-shared/domain/agenda';
import { eventKinds } from '../../src-shared/domain/agenda';
import type { Appointment } from '../../src-shared/domain/appointments';
import { appointmentsInRange, countAppointments, dailyAppointmentRows } from '../db/queries/appointments';
import { dailySessionRows } from '../db/queries/bookings';
import { countPassesRedeemed } from '../db/queries/ledger';
import { assertNotificationExists, openNotifications, resolveNotifications } from '../db/queries/notifications';
import { countSessions, occurrenceSummaries } from '../db/queries/occurrences';
import { readCentreSettings } from '../db/queries/settings';
import { birthdaysByNameInMonthView, birthdaysOfRange } from './agenda-birthdays';
import { monthEntriesOfRange } from './agenda-month';
import { localRangeToInstants } from './agenda-range';
import type { Handlers } from './handler';

type AgendaHandlers = Pick<Handlers, 'agenda.range' | 'agenda.figures' | 'agenda.dailyList' | 'notifications.list' | 'notifications.dismiss'>;

/** Figures may span years (the Agendadas dashboard); the calendar asks for at most 100 days. */
const maxFigureDays = 3 * 366 + 1;

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
  'agenda.range': async ({ from, to, staffIds, kinds, recurrence, perDay }, { db }) => {
    const settings = await readCentreSettings(db);
    // Checks the dates (in order, at most 100 days) in either mode.
    const range = localRangeToInstants(from, to, settings.timeZone);
    const wanted = kinds ?? [...eventKinds, 'appointment', 'birthday'];
    const eventKindsWanted = eventKinds.filter((k) => wanted.includes(k));
    // Birthdays come back every year: they count as recurring, and belong to no professional (none for a staff filter).
    const birthdays = (byName?: number) =>
      wanted.includes('birthday') && recurrence !== 'one_off' && staffIds === undefined ? birthdaysOfRange(db, from, to, byName) : { birthdays: [], moreBirthdays: [] };

    if (perDay !== undefined) {
      const month = await monthEntriesOfRange(db, from, to, perDay, {
        ...(staffIds ? { staffIds } : {}),
        eventKinds: eventKindsWanted,
        // Appointments are one-offs: the 'recurring' filter leaves them out.
        appointments: wanted.includes('appointment') && recurrence !== 'recurring',
        ...(recurrence ? { recurring: recurrence === 'recurring' } : {}),
      });
      return { ...month, ...(await birthdays(birthdaysByNameInMonthView)) };
    }
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

    return { occurrences, appointments, ...(await birthdays()), moreEntries: [] };
  },

  'agenda.figures': async ({ from, to, staffIds }, { db }) => {
    const settings = await readCentreSettings(db);
    const range = localRangeToInstants(from, to, settings.timeZone, maxFigureDays);
    const now = new Date().toISOString();
    const sessions = await countSessions(db, range, staffIds, now);
    const [appointmentCounts, passesRedeemed] = await Promise.all([countAppointments(db, range, staffIds), countPassesRedeemed(db, range, staffIds)]);
    return {
      totalSessions: sessions.total,
      sessionsWithFreePlaces: sessions.withFreePlaces,
      clientsOnWaitlists: sessions.waitlisted,
      attendancePercent: sessions.pastHeld === 0 ? null : Math.round((sessions.pastAttended / sessions.pastHeld) * 1000) / 10,
      confirmedBookings: sessions.confirmed,
      cancelledBookings: sessions.cancelled,
      passesRedeemed,
      ...appointmentCounts,
    };
  },

  'agenda.dailyList': async ({ date, staffId }, { db }) => {
    const [sessionRows, appointmentRows] = await Promise.all([dailySessionRows(db, date, staffId), dailyAppointmentRows(db, date, staffId)]);
    return { date, rows: mergeByStart(sessionRows, appointmentRows) };
  },

  'notifications.list': async (_input, { db }) => openNotifications(db),

  'notifications.dismiss': async ({ id }, { tx, now, log }) => {
    await assertNotificationExists(tx, id);
    await resolveNotifications(tx, { id }, now);
    log({ entity: 'desk_notification', entityId: id, changes: { resolved: true } });
    return { id };
  },
};
