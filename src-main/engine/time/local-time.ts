import { DAY_MS, dateOfEpochDay, epochDay, minutesOfTime, pad } from '../../../src-shared/time/calendar-date';
import { offsetAt } from './zone-offset';

export { addDays, daysBetween, isLocalDate, isLocalTime, weekdayOf } from '../../../src-shared/time/calendar-date';

export interface LocalDateTime {
  date: string;
  time: string;
  /** 1..7, Monday = 1. */
  weekday: number;
}

/**
 * The instant of a wall-clock time in an IANA zone, disambiguated like Temporal's 'compatible':
 * - a time inside a spring-forward gap moves forward by the gap's length (Madrid 02:30 → 03:30 CEST;
 *   Santiago 00:30 on 11 Sep 2022 → 01:30 -03), i.e. it is read with the offset in force before the gap;
 * - a time that happens twice on a fall-back night is the earlier instant (the pre-change offset).
 */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  return new Date(wallToInstant(epochDay(date) * DAY_MS + minutesOfTime(time) * 60_000, timeZone));
}

/**
 * localToInstant of a wall-clock time given as milliseconds (the local time read as if it were UTC): the
 * one conversion of a wall time to an instant, for occurrences, range bounds and slot starts alike.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (before === after) return wall - before;
  if (offsetAt(timeZone, wall - before) === before) return wall - before;
  if (offsetAt(timeZone, wall - after) === after) return wall - after;
  return wall - before;
}

/**
 * wallToInstant of a wall time the clock shows, or null for one it skips (inside a spring-forward gap,
 * where wallToInstant would move it forward). A repeated autumn time is its first instant.
 */
export function existingWallToInstant(wall: number, timeZone: string): number | null {
  const ms = wallToInstant(wall, timeZone);
  return ms + offsetAt(timeZone, ms) === wall ? ms : null;
}

export function instantToLocal(instant: Date, timeZone: string): LocalDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const local = new Date(ms + offsetAt(timeZone, ms));
  const day = Math.floor(local.getTime() / DAY_MS);
  return {
    date: dateOfEpochDay(day),
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/** Whether an instant is a whole minute on the zone's clock (its seconds are zero there). */
export function isWholeLocalMinute(ms: number, timeZone: string): boolean {
  return (ms + offsetAt(timeZone, ms)) % 60_000 === 0;
}
