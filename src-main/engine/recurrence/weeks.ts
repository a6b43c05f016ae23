import { addDays, daysBetween, weekdayOf } from '../time/local-time';
import type { WeeklyRecurrence } from './types';

export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/**
 * The last local date a recurrence may produce, or null when it never ends. "For N weeks" covers the
 * Monday-based weeks 0..N-1 counted from the week of startDate, whatever the interval: with interval 2,
 * 4 weeks are weeks 0..3, of which weeks 0 and 2 have classes.
 */
export function lastDateOf(startDate: string, recurrence: WeeklyRecurrence): string | null {
  const { end } = recurrence;
  if (end.kind === 'never') return null;
  if (end.kind === 'until') return end.date;
  return addDays(mondayOf(startDate), end.weeks * 7 - 1);
}

/** The first occurrence's date: the first chosen weekday on or after startDate in a class week (0, N, 2N…). */
export function firstDateOf(startDate: string, recurrence: WeeklyRecurrence): string | null {
  const monday = mondayOf(startDate);
  for (let i = 0; i < 7 * recurrence.intervalWeeks + 7; i += 1) {
    const date = addDays(startDate, i);
    const week = Math.floor(daysBetween(monday, date) / 7);
    if (week % recurrence.intervalWeeks === 0 && recurrence.weekdays.includes(weekdayOf(date))) return date;
  }
  return null;
}
