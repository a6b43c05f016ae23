import type { AgendaRangeInput } from '../api/agenda';
import { addDays, weekdayOf } from '../time/calendar-date';

/** Timed entries (appointments and occurrences) the month grid lists per day, then the day's "N más". */
export const monthViewPerDay = 3;

/**
 * The lines of a month grid day (ScheduleCalendar's nEventsPerDay): a birthday by name and "N
 * cumpleaños más" (agenda.range lists one by name in this mode), the entries and "N más".
 */
export const monthViewLines = 2 + monthViewPerDay + 1;

/** The month grid's weeks around a day: Monday of the month's first week to Sunday of its last. */
export function monthGridOf(date: string): { from: string; to: string } {
  const first = `${date.slice(0, 8)}01`;
  const last = addDays(`${addDays(first, 31).slice(0, 8)}01`, -1);
  return { from: addDays(first, 1 - weekdayOf(first)), to: addDays(last, 7 - weekdayOf(last)) };
}

/**
 * The agenda.range input of the month view: the same range and filters as any view, bounded per
 * day. One place for the renderer, the agenda bench and the scale bench, so they ask the same thing.
 */
export function monthViewInput(range: AgendaRangeInput): AgendaRangeInput {
  return { ...range, perDay: monthViewPerDay };
}
