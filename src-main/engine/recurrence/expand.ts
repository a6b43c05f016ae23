import { occurrenceDates } from '../../../src-shared/recurrence/weekly-dates';
import { localToInstant } from '../time/local-time';
import type { DateWindow, Occurrence, SeriesTiming, WeeklyRecurrence } from './types';

const MINUTE_MS = 60_000;

function occurrence(localDate: string, timing: SeriesTiming): Occurrence {
  const startsAt = localToInstant(localDate, timing.startTime, timing.timeZone);
  // Real elapsed minutes: a class across a DST change ends at a wall time an hour off.
  return { localDate, startsAt, endsAt: new Date(startsAt.getTime() + timing.durationMin * MINUTE_MS) };
}

/**
 * The occurrences whose local date lies in the window (inclusive), in order. `recurrence === null` is a
 * one-off on startDate. The dates come from the shared weekly rule (occurrenceDates); each wall time is
 * converted with localToInstant (see its gap/overlap rules), so `localDate` is the rule's date and the
 * start's real local time is read back from `startsAt`. Assumes validateRecurrence passed.
 */
export function expandOccurrences(
  timing: SeriesTiming,
  recurrence: WeeklyRecurrence | null,
  window: DateWindow,
): Occurrence[] {
  return occurrenceDates(timing.startDate, recurrence, window).map((date) => occurrence(date, timing));
}
