export type { DateWindow, Occurrence, RecurrenceEnd, SeriesTiming, WeeklyRecurrence } from './types';
export type { RecurrenceProblem, RecurrenceProblemCode } from './validate';
export { MAX_DURATION_MIN, MAX_DURATION_WEEKS, MAX_INTERVAL_WEEKS, recurrenceProblems, validateRecurrence } from './validate';
export type { ParsedRRule } from './rrule-text';
export { fromRRule, toRRule } from './rrule-text';
export { expandOccurrences } from './expand';
export { firstDateOf, lastDateOf, occurrenceDates } from '../../../src-shared/recurrence/weekly-dates';
