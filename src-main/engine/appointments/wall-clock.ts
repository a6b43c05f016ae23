import type { TimeRange } from '../../../src-shared/domain/appointments';
import { DAY_MS, epochDay, minutesOfTime, pad } from '../../../src-shared/time/calendar-date';
import { offsetAt } from '../time/zone-offset';

const MINUTE_MS = 60_000;
/** Offsets lie within ±14 h, so a local day's instants lie in [wall − 14 h, wall + 38 h). */
const MAX_OFFSET_MS = 15 * 3_600_000;

/** Parsed bounds and dates: a month of slots for 40 schedules reads the same few strings thousands of times. */
const boundMinutes = new Map<string, number>([['24:00', 1440]]);
const dateWalls = new Map<string, number>();
const MAX_CACHED_DATES = 10_000;

/** Minutes from local midnight of a range bound; '24:00' is the end of the day (1440). */
export function minutesOfBound(time: string): number {
  let minutes = boundMinutes.get(time);
  if (minutes === undefined) {
    minutes = minutesOfTime(time);
    // At most 1440 valid times: the cache stays small.
    boundMinutes.set(time, minutes);
  }
  return minutes;
}

export function rangeMinutes(range: TimeRange): { start: number; end: number } {
  return { start: minutesOfBound(range.start), end: minutesOfBound(range.end) };
}

/** A local date's midnight read as if it were UTC: wall-clock milliseconds. */
export function wallOfDate(date: string): number {
  let wall = dateWalls.get(date);
  if (wall === undefined) {
    if (dateWalls.size >= MAX_CACHED_DATES) dateWalls.clear();
    wall = epochDay(date) * DAY_MS;
    dateWalls.set(date, wall);
  }
  return wall;
}

const TIMES = Array.from({ length: 1441 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

/** 'HH:MM' of a minute of the day (0..1440); a table, because slots format thousands of them. */
export function timeOfMinutes(minutes: number): string {
  const time = TIMES[minutes];
  if (time === undefined) throw new RangeError(`Not a minute of the day: ${minutes}`);
  return time;
}

/**
 * The zone's offset over the whole local day, or null when it changes during (or right at the edges of)
 * that day. Checked at both ends of every instant the day can map to, so one number serves the day.
 */
export function steadyOffset(dayWall: number, timeZone: string): number | null {
  const first = offsetAt(timeZone, dayWall - MAX_OFFSET_MS);
  const last = offsetAt(timeZone, dayWall + DAY_MS + MAX_OFFSET_MS);
  return first === last ? first : null;
}

export function wallOfMinutes(dayWall: number, minutes: number): number {
  return dayWall + minutes * MINUTE_MS;
}
