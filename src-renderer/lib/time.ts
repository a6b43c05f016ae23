import { Temporal, type TemporalTypes } from './temporal';
import { currentLocale } from '../i18n';

export { addDays, daysBetween, weekdayOf } from '../../src-shared/time/calendar-date';

/** Calendar arithmetic on the centre's local dates (YYYY-MM-DD) and instants shown in its zone. */

export function todayIn(timeZone: string): string {
  try {
    return Temporal.Now.plainDateISO(timeZone).toString();
  } catch {
    return Temporal.Now.plainDateISO().toString();
  }
}

export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

export function startOfMonth(date: string): string {
  return Temporal.PlainDate.from(date).with({ day: 1 }).toString();
}

export function endOfMonth(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return d.with({ day: d.daysInMonth }).toString();
}

// Creating an Intl formatter costs far more than using one: the agenda formats thousands of times a render.
const formatters = new Map<string, Intl.DateTimeFormat>();
const zones = new Map<string, string>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${currentLocale()}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(currentLocale(), options);
    formatters.set(key, found);
  }
  return found;
}

/** The zone itself when the platform knows it, else UTC (checked once per zone). */
function safeZone(timeZone: string): string {
  let safe = zones.get(timeZone);
  if (safe === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      safe = timeZone;
    } catch {
      safe = 'UTC';
    }
    zones.set(timeZone, safe);
  }
  return safe;
}

/** 09:30 (or 9:30 in en-GB's 24-hour clock) of an instant, in the centre's zone. */
export function formatTime(iso: string, timeZone: string): string {
  return formatter({ hour: '2-digit', minute: '2-digit', timeZone: safeZone(timeZone) }).format(new Date(iso));
}

/** "lun, 12 ene 2026, 09:30" of an instant, in the centre's zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatter({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

/** "lunes, 12 de enero de 2026" of a local date. */
export function formatLongDate(date: string): string {
  return formatter({ dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** "enero de 2026" of a local date. */
export function formatMonth(date: string): string {
  return formatter({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** Short weekday names, Monday first, in the UI locale. */
export function weekdayNames(style: 'narrow' | 'short' | 'long'): string[] {
  const format = formatter({ weekday: style, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i, 12))));
}

/** Minutes since local midnight of an instant in a zone. */
export function minutesOfDay(iso: string, timeZone: string): number {
  const zdt = toZoned(iso, timeZone);
  return zdt.hour * 60 + zdt.minute;
}

export function toZoned(iso: string, timeZone: string): TemporalTypes.ZonedDateTime {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(safeZone(timeZone));
}
