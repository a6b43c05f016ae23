import { z } from 'zod';
import type { AgendaFigures, BirthdayEntry, BirthdayOverflow, DailyListRow, DeskNotification, EntriesOverflow, Occurrence } from '../domain/agenda';
import type { Appointment } from '../domain/appointments';
import { eventKinds } from '../domain/agenda';
import { command, query, returns } from './define-call';
import { id, isoDate } from './fields';
import { everyone, frontDesk } from './access';

const agendaKinds = z.enum([...eventKinds, 'appointment', 'birthday']);

export const agendaRange = z.strictObject({
  /** Local dates of the centre, inclusive. */
  from: isoDate,
  to: isoDate,
  /** Only these organizers ("my calendar" or chosen collaborators); all when absent. */
  staffIds: z.array(id).max(200).optional(),
  kinds: z.array(agendaKinds).max(6).optional(),
  recurrence: z.enum(['recurring', 'one_off']).optional(),
  /**
   * The month view: per local day only the first `perDay` appointments and occurrences in time
   * order, and how many more (moreEntries); birthdays one by name a day. Absent: everything (week,
   * day, team and list views).
   */
  perDay: z.number().int().min(1).max(20).optional(),
});
export type AgendaRangeInput = z.input<typeof agendaRange>;

export const agendaApi = {
  'agenda.range': query(
    agendaRange,
    'What the agenda shows between two dates (at most 100 days): occurrences, appointments (not cancelled) and birthdays (a few by name per day, the rest counted; none when filtered by staff), filtered by staff, kind and recurrence; with perDay (the month view) only the first entries of each day and how many more, and one birthday by name a day',
    returns<{ occurrences: Occurrence[]; appointments: Appointment[]; birthdays: BirthdayEntry[]; moreBirthdays: BirthdayOverflow[]; moreEntries: EntriesOverflow[] }>(),
    everyone,
  ),
  'agenda.figures': query(
    z.strictObject({ from: isoDate, to: isoDate, staffIds: z.array(id).max(200).optional() }),
    "The key figures of the sessions in a date range (the month's summary, the Agendadas dashboard)",
    returns<AgendaFigures>(),
    everyone,
  ),
  'agenda.dailyList': query(
    z.strictObject({ date: isoDate, staffId: id.optional() }),
    'The daily list: who comes, when, to what and whom, with notes flagged',
    returns<{ date: string; rows: DailyListRow[] }>(),
    everyone,
  ),
  'notifications.list': query(z.strictObject({}), 'Open desk notifications (freed places for waitlisted clients)', returns<DeskNotification[]>(), everyone),
  'notifications.dismiss': command(z.strictObject({ id }), 'Mark a desk notification as dealt with', returns<{ id: string }>(), frontDesk),
};
