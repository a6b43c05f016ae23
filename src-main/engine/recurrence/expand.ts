import { localToInstant } from '../time/local-time';
import { RRule } from './rrule-lib';
import type { DateWindow, Occurrence, SeriesTiming, WeeklyRecurrence } from './types';
import { lastDateOf } from './weeks';

const MINUTE_MS = 60_000;

/** A local date and time as a "floating" Date: the wall clock read as if it were UTC, as rrule expects. */
function floating(date: string, time: string, seconds = 0): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, mi, seconds));
}

function occurrence(localDate: string, timing: SeriesTiming): Occurrence {
  const startsAt = localToInstant(localDate, timing.startTime, timing.timeZone);
  // Real elapsed minutes: a class across a DST change ends at a wall time an hour off.
  return { localDate, startsAt, endsAt: new Date(startsAt.getTime() + timing.durationMin * MINUTE_MS) };
}

/**
 * The occurrences whose local date lies in the window (inclusive), in order. `recurrence === null` is a
 * one-off on startDate. Expands in floating time with rrule and converts each wall time with
 * localToInstant (see its gap/overlap rules). Assumes validateRecurrence passed.
 */
export function expandOccurrences(
  timing: SeriesTiming,
  recurrence: WeeklyRecurrence | null,
  window: DateWindow,
): Occurrence[] {
  if (!recurrence) {
    const inWindow = timing.startDate >= window.from && timing.startDate <= window.to;
    return inWindow ? [occurrence(timing.startDate, timing)] : [];
  }
  const last = lastDateOf(timing.startDate, recurrence);
  const to = last !== null && last < window.to ? last : window.to;
  const from = timing.startDate > window.from ? timing.startDate : window.from;
  if (from > to) return [];
  const rule = new RRule({
    freq: RRule.WEEKLY,
    interval: recurrence.intervalWeeks,
    byweekday: recurrence.weekdays.map((d) => d - 1),
    wkst: 0,
    dtstart: floating(timing.startDate, timing.startTime),
  });
  const dates = rule.between(floating(from, '00:00'), floating(to, '23:59', 59), true);
  return dates.map((d) => occurrence(d.toISOString().slice(0, 10), timing));
}
