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

/** localToInstant of a wall-clock time given as milliseconds (the local time read as if it were UTC). */
export function wallToInstant(wall: number, timeZone: string): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (before === after) return wall - before;
  if (offsetAt(timeZone, wall - before) === before) return wall - before;
  if (offsetAt(timeZone, wall - after) === after) return wall - after;
  return wall - before;
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
