import { isLocalDate } from '../../src-shared/time/calendar-date';

/** Dates as the desk types them: the UI locale's numeric order (d/m/yyyy in es-ES, dd/mm/yyyy in en-GB), to and from ISO. */

type Part = 'day' | 'month' | 'year';

const orders = new Map<string, Part[]>();

/** The order of day, month and year in a locale's numeric date (d/m/y in es-ES and en-GB). */
function partOrder(locale: string): Part[] {
  let order = orders.get(locale);
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 11, 7)));
    order = parts.map((p) => p.type).filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
    if (order.length !== 3) order = ['day', 'month', 'year'];
    orders.set(locale, order);
  }
  return order;
}

/** 2026-12-07 → "7/12/2026" (es-ES) or "07/12/2026" (en-GB): the UI locale's numeric date. */
export function formatDateInput(iso: string, locale: string): string {
  if (!isLocalDate(iso)) return '';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * What the desk typed as a date, in the locale's order ("7/12/2026", "7-12-26", "7.12"), or an ISO
 * date; null when it is no date. `lenient` (on leaving the field) takes a two-digit or a missing year.
 */
export function parseDateInput(text: string, locale: string, lenient = true, today = new Date()): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  let day: number;
  let month: number;
  let year: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const pieces = trimmed.split(/[/.\-\s]+/).filter(Boolean);
    if (pieces.length < 2 || pieces.length > 3 || pieces.some((p) => !/^\d+$/.test(p))) return null;
    const order = partOrder(locale).filter((p) => pieces.length === 3 || p !== 'year');
    const value = (part: Part) => pieces[order.indexOf(part)];
    const yearText = value('year');
    if (yearText === undefined) {
      if (!lenient) return null;
      year = today.getFullYear();
    } else if (yearText.length === 4) {
      year = Number(yearText);
    } else if (yearText.length <= 2 && lenient) {
      year = 2000 + Number(yearText);
    } else {
      return null;
    }
    day = Number(value('day'));
    month = Number(value('month'));
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2199) return null;
  const result = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  // 31/2 is no date: the ISO date must round-trip through the calendar.
  return isLocalDate(result) && new Date(`${result}T12:00:00Z`).getUTCDate() === day ? result : null;
}
