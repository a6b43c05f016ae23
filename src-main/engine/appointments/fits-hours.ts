import type { TimeRange } from '../../../src-shared/domain/appointments';
import { rangeMinutes, wallOfDate, wallOfMinutes } from './wall-clock';
import { wallToInstant } from '../time/local-time';

/** The instants a range of a local date opens and closes ('24:00' closes at the next midnight). */
export function rangeInstants(date: string, range: TimeRange, timeZone: string): { startMs: number; endMs: number } {
  const dayWall = wallOfDate(date);
  const { start, end } = rangeMinutes(range);
  return {
    startMs: wallToInstant(wallOfMinutes(dayWall, start), timeZone),
    endMs: wallToInstant(wallOfMinutes(dayWall, end), timeZone),
  };
}

/**
 * Whether an appointment [startMs, endMs) lies inside one range of a date's hours, compared as instants
 * so a range crossing a daylight-saving change is measured in real time. `date` is the start's local date.
 */
export function fitsHours(startMs: number, endMs: number, date: string, hours: readonly TimeRange[], timeZone: string): boolean {
  return hours.some((range) => {
    const open = rangeInstants(date, range, timeZone);
    return open.startMs <= startMs && endMs <= open.endMs;
  });
}
