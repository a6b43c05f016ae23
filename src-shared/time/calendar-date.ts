/**
 * Calendar arithmetic on plain local dates (YYYY-MM-DD) and wall times (HH:MM), with no time zone:
 * shared by the engine and the renderer.
 */
export const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The dates Mostrador accepts anywhere: every date and instant of the contract lies between them, and
 * the calendar and time-zone arithmetic is tested across them (and a day or two either side, which a
 * zone's offset or the day after a range can reach). One definition, read by the contract's fields.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

/** Whether a YYYY-MM-DD date lies in FIRST_DATE..LAST_DATE (its text orders as the calendar does). */
export function isDateInRange(date: string): boolean {
  return date >= FIRST_DATE && date <= LAST_DATE;
}

/**
 * Whether an ISO instant can fall on a date of FIRST_DATE..LAST_DATE somewhere: from FIRST_DATE's midnight
 * at UTC+14:00 to LAST_DATE's end at UTC−12:00, the widest offsets of any zone. The centre's own zone then
 * narrows it (an appointment's local date must itself be in range).
 */
export function isInstantInRange(iso: string): boolean {
  const ms = Date.parse(iso);
  return ms >= FIRST_INSTANT_MS && ms < END_INSTANT_MS;
}

/** Days since 1970-01-01 of a YYYY-MM-DD string; throws RangeError for anything else. */
export function epochDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(y, mo - 1, d));
    // Date.UTC reads years 0–99 as 1900–1999.
    if (y < 100) check.setUTCFullYear(y, mo - 1, d);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return check.getTime() / DAY_MS;
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

const HOUR_MS = 3_600_000;
const FIRST_INSTANT_MS = epochDay(FIRST_DATE) * DAY_MS - 14 * HOUR_MS;
const END_INSTANT_MS = (epochDay(LAST_DATE) + 1) * DAY_MS + 12 * HOUR_MS;
