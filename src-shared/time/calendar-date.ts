/**
 * Calendar arithmetic on plain local dates (YYYY-MM-DD) and wall times (HH:MM), with no time zone:
 * shared by the engine and the renderer.
 */
export const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;


/** Days since 1970-01-01 of a YYYY-MM-DD string; throws RangeError for anything else. */
export function epochDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return ms / DAY_MS;
  }
  throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
}

export function minutesOfTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Not an HH:MM time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function dateOfEpochDay(day: number): string {
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
