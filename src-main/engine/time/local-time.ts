import { offsetAt } from './zone-offset';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface LocalDateTime {
  date: string;
  time: string;
  /** 1..7, Monday = 1. */
  weekday: number;
}

/** Days since 1970-01-01 of a YYYY-MM-DD string; throws RangeError for anything else. */
function epochDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return ms / DAY_MS;
  }
  throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
}

function minutesOfDay(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Not an HH:MM time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dateOfEpochDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isLocalDate(date: string): boolean {
  try {
    epochDay(date);
    return true;
  } catch {
    return false;
  }
}

export function isLocalTime(time: string): boolean {
  return TIME_RE.test(time);
}

export function addDays(date: string, n: number): string {
  return dateOfEpochDay(epochDay(date) + n);
}

/** 1..7, Monday = 1. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

/**
 * The instant of a wall-clock time in an IANA zone, disambiguated like Temporal's 'compatible':
 * - a time inside a spring-forward gap moves forward by the gap's length (Madrid 02:30 → 03:30 CEST;
 *   Santiago 00:30 on 11 Sep 2022 → 01:30 -03), i.e. it is read with the offset in force before the gap;
 * - a time that happens twice on a fall-back night is the earlier instant (the pre-change offset).
 */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  const wall = epochDay(date) * DAY_MS + minutesOfDay(time) * 60_000;
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (before === after) return new Date(wall - before);
  if (offsetAt(timeZone, wall - before) === before) return new Date(wall - before);
  if (offsetAt(timeZone, wall - after) === after) return new Date(wall - after);
  return new Date(wall - before);
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
