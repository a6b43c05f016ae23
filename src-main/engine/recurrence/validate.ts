import { LAST_DATE, isDateInRange } from '../../../src-shared/time/calendar-date';
import { MAX_DURATION_WEEKS, MAX_INTERVAL_WEEKS, firstDateOf, lastDateOf } from '../../../src-shared/recurrence/weekly-dates';
import { isTimeZone } from '../time/local-date';
import { isLocalDate, isLocalTime } from '../time/local-time';
import type { SeriesTiming, WeeklyRecurrence } from './types';

export type RecurrenceProblemCode =
  | 'no_weekdays'
  | 'weekday_out_of_range'
  | 'interval_out_of_range'
  | 'end_before_start'
  | 'no_occurrences'
  | 'duration_out_of_range'
  | 'weeks_out_of_range'
  | 'invalid_date'
  | 'date_out_of_range'
  | 'invalid_time'
  | 'invalid_time_zone';

export interface RecurrenceProblem {
  code: RecurrenceProblemCode;
  field: string;
}

export { MAX_DURATION_WEEKS, MAX_INTERVAL_WEEKS };
export const MAX_DURATION_MIN = 1440;

const isIntIn = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

function timingProblem(timing: SeriesTiming): RecurrenceProblem | null {
  if (!isLocalDate(timing.startDate)) return { code: 'invalid_date', field: 'startDate' };
  if (!isDateInRange(timing.startDate)) return { code: 'date_out_of_range', field: 'startDate' };
  if (!isLocalTime(timing.startTime)) return { code: 'invalid_time', field: 'startTime' };
  if (!isTimeZone(timing.timeZone)) return { code: 'invalid_time_zone', field: 'timeZone' };
  if (!isIntIn(timing.durationMin, 1, MAX_DURATION_MIN)) return { code: 'duration_out_of_range', field: 'durationMin' };
  return null;
}

/** The first problem found, or null. `recurrence === null` is a one-off session. */
export function validateRecurrence(timing: SeriesTiming, recurrence: WeeklyRecurrence | null): RecurrenceProblem | null {
  const problem = timingProblem(timing);
  if (problem || !recurrence) return problem;
  const { weekdays, intervalWeeks, end } = recurrence;
  if (weekdays.length === 0) return { code: 'no_weekdays', field: 'recurrence.weekdays' };
  if (!weekdays.every((d) => isIntIn(d, 1, 7))) return { code: 'weekday_out_of_range', field: 'recurrence.weekdays' };
  if (!isIntIn(intervalWeeks, 1, MAX_INTERVAL_WEEKS)) return { code: 'interval_out_of_range', field: 'recurrence.intervalWeeks' };
  if (end.kind === 'weeks' && !isIntIn(end.weeks, 1, MAX_DURATION_WEEKS)) {
    return { code: 'weeks_out_of_range', field: 'recurrence.end.weeks' };
  }
  if (end.kind === 'until') {
    if (!isLocalDate(end.date)) return { code: 'invalid_date', field: 'recurrence.end.date' };
    if (end.date < timing.startDate) return { code: 'end_before_start', field: 'recurrence.end.date' };
  }
  const endField = end.kind === 'until' ? 'recurrence.end.date' : 'recurrence.end.weeks';
  const last = lastDateOf(timing.startDate, recurrence);
  const first = firstDateOf(timing.startDate, recurrence);
  if (last !== null && (first === null || first > last)) return { code: 'no_occurrences', field: endField };
  // Every date of a series that ends lies in the range the agenda can show.
  if (last !== null && last > LAST_DATE) return { code: 'date_out_of_range', field: endField };
  return null;
}
