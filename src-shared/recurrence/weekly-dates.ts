import type { Recurrence } from '../domain/agenda';
import { DAY_MS, addDays, dateOfEpochDay, epochDay, isLocalDate } from '../time/calendar-date';
import { RRule } from './rrule-lib';

/**
 * Which local dates a weekly series has: the one rule, shared by the engine (which materialises them)
 * and the series form (which says how many there will be and when the last one is, before saving).
 * Expanded by rrule as FREQ=WEEKLY;WKST=MO: chosen weekdays on or after the start date, in the start's
 * Monday-based week and every `intervalWeeks` weeks after it.
 */

export const MAX_INTERVAL_WEEKS = 52;
export const MAX_DURATION_WEEKS = 520;

export interface DateWindow {
  /** YYYY-MM-DD local, inclusive. */
  from: string;
  /** YYYY-MM-DD local, inclusive. */
  to: string;
}

/** A local date as rrule's "floating" Date: its midnight read as if it were UTC. */
const floating = (date: string): Date => new Date(epochDay(date) * DAY_MS);
const dateOf = (d: Date): string => dateOfEpochDay(Math.floor(d.getTime() / DAY_MS));

function ruleOf(startDate: string, recurrence: Recurrence): InstanceType<typeof RRule> {
  return new RRule({
    freq: RRule.WEEKLY,
    interval: recurrence.intervalWeeks,
    byweekday: recurrence.weekdays.map((d) => d - 1),
    wkst: 0,
    dtstart: floating(startDate),
  });
}

/** The first occurrence's date: the first chosen weekday on or after startDate in a class week; null with no weekdays. */
export function firstDateOf(startDate: string, recurrence: Recurrence): string | null {
  if (recurrence.weekdays.length === 0) return null;
  const first = ruleOf(startDate, recurrence).after(floating(startDate), true);
  return first ? dateOf(first) : null;
}

/**
 * The last local date a recurrence may produce, or null when it never ends. "For N weeks" is N × 7 days
 * counted from the first occurrence, whatever weekday the start date is: Monday/Wednesday for 4 weeks
 * is 8 classes; every other week, 4 weeks hold 2 class weeks.
 */
export function lastDateOf(startDate: string, recurrence: Recurrence): string | null {
  const { end } = recurrence;
  if (end.kind === 'never') return null;
  if (end.kind === 'until') return end.date;
  return addDays(firstDateOf(startDate, recurrence) ?? startDate, end.weeks * 7 - 1);
}

/** The series' dates inside a window (inclusive), in order. `recurrence === null` is a one-off on startDate. */
export function occurrenceDates(startDate: string, recurrence: Recurrence | null, window: DateWindow): string[] {
  if (!recurrence) return startDate >= window.from && startDate <= window.to ? [startDate] : [];
  if (recurrence.weekdays.length === 0) return [];
  const last = lastDateOf(startDate, recurrence);
  const to = last !== null && last < window.to ? last : window.to;
  const from = startDate > window.from ? startDate : window.from;
  if (from > to) return [];
  return ruleOf(startDate, recurrence).between(floating(from), floating(to), true).map(dateOf);
}

const isIntIn = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** Whether the form's values make a rule that can be counted (the engine still validates on save). */
function countable(startDate: string, r: Recurrence): boolean {
  if (!isLocalDate(startDate) || r.weekdays.length === 0 || !r.weekdays.every((d) => isIntIn(d, 1, 7))) return false;
  if (!isIntIn(r.intervalWeeks, 1, MAX_INTERVAL_WEEKS)) return false;
  if (r.end.kind === 'weeks') return isIntIn(r.end.weeks, 1, MAX_DURATION_WEEKS);
  return r.end.kind === 'until' && isLocalDate(r.end.date) && r.end.date >= startDate;
}

/**
 * How many occurrences a series that ends will have, and the date of its last one; null when it never
 * ends, its values are incomplete, or it has none.
 */
export function seriesExtent(startDate: string, recurrence: Recurrence | null): { count: number; lastDate: string } | null {
  if (!recurrence) return isLocalDate(startDate) ? { count: 1, lastDate: startDate } : null;
  if (!countable(startDate, recurrence)) return null;
  const dates = occurrenceDates(startDate, recurrence, { from: startDate, to: lastDateOf(startDate, recurrence)! });
  const lastDate = dates[dates.length - 1];
  return lastDate === undefined ? null : { count: dates.length, lastDate };
}
