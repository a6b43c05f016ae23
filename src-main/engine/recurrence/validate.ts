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

/** Every problem of the timing, one per field. */
function timingProblems(timing: SeriesTiming): RecurrenceProblem[] {
  const problems: RecurrenceProblem[] = [];
  if (!isLocalDate(timing.startDate)) problems.push({ code: 'invalid_date', field: 'startDate' });
  else if (!isDateInRange(timing.startDate)) problems.push({ code: 'date_out_of_range', field: 'startDate' });
  if (!isLocalTime(timing.startTime)) problems.push({ code: 'invalid_time', field: 'startTime' });
  if (!isTimeZone(timing.timeZone)) problems.push({ code: 'invalid_time_zone', field: 'timeZone' });
  if (!isIntIn(timing.durationMin, 1, MAX_DURATION_MIN)) problems.push({ code: 'duration_out_of_range', field: 'durationMin' });
  return problems;
}

/** The first problem found, or null. `recurrence === null` is a one-off session. */
export function validateRecurrence(timing: SeriesTiming, recurrence: WeeklyRecurrence | null): RecurrenceProblem | null {
  const [timingProblem] = timingProblems(timing);
  return timingProblem ?? recurrenceProblems(timing, recurrence)[0] ?? null;
}

/**
 * Every problem of the timing and of the weekly rule, at most one per field, in the order a form
 * reads them: a form shows them all at once. The end is judged only once the start date, the
 * weekdays and the rhythm are good.
 */
export function recurrenceProblems(timing: SeriesTiming, recurrence: WeeklyRecurrence | null): RecurrenceProblem[] {
  const problems = timingProblems(timing);
  if (!recurrence) return problems;
  const { weekdays, intervalWeeks, end } = recurrence;
  if (weekdays.length === 0) problems.push({ code: 'no_weekdays', field: 'recurrence.weekdays' });
  else if (!weekdays.every((d) => isIntIn(d, 1, 7))) problems.push({ code: 'weekday_out_of_range', field: 'recurrence.weekdays' });
  if (!isIntIn(intervalWeeks, 1, MAX_INTERVAL_WEEKS)) problems.push({ code: 'interval_out_of_range', field: 'recurrence.intervalWeeks' });
  if (end.kind === 'weeks' && !isIntIn(end.weeks, 1, MAX_DURATION_WEEKS)) {
    problems.push({ code: 'weeks_out_of_range', field: 'recurrence.end.weeks' });
    return problems;
  }
  const startDateGood = !problems.some((p) => p.field === 'startDate');
  if (end.kind === 'until') {
    if (!isLocalDate(end.date)) return [...problems, { code: 'invalid_date', field: 'recurrence.end.date' }];
    if (startDateGood && end.date < timing.startDate) return [...problems, { code: 'end_before_start', field: 'recurrence.end.date' }];
  }
  if (!startDateGood || problems.some((p) => p.field.startsWith('recurrence.'))) return problems;
  const endField = end.kind === 'until' ? 'recurrence.end.date' : 'recurrence.end.weeks';
  const last = lastDateOf(timing.startDate, recurrence);
  const first = firstDateOf(timing.startDate, recurrence);
  if (last !== null && (first === null || first > last)) problems.push({ code: 'no_occurrences', field: endField });
  // Every date of a series that ends lies in the range the agenda can show.
  else if (last !== null && last > LAST_DATE) problems.push({ code: 'date_out_of_range', field: endField });
  return problems;
}
