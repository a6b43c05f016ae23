import { z } from 'zod';
import { FIRST_DATE, LAST_DATE, isDateInRange, isInstantInRange } from '../time/calendar-date';

/** Ids are ULIDs made in main: 26 Crockford base-32 characters. */
export const id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'invalid_input');

/** Required text: trimmed, not empty, bounded. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

/** Optional text on a form: trimmed; an empty string means "clear it" and is stored as null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
}

/** A calendar date, YYYY-MM-DD, from FIRST_DATE to LAST_DATE; another well-formed date is `date_out_of_range`. */
export const isoDate = z.iso
  .date()
  .refine(isDateInRange, 'date_out_of_range')
  .meta({ description: `A date from ${FIRST_DATE} to ${LAST_DATE}` });

/** An ISO UTC instant, e.g. 2026-03-29T08:00:00.000Z, that falls on a date from FIRST_DATE to LAST_DATE in some zone. */
export const instant = z.iso
  .datetime()
  .refine(isInstantInRange, 'date_out_of_range')
  .meta({ description: `An instant on a date from ${FIRST_DATE} to ${LAST_DATE} (in the centre's zone)` });

export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** Minutes, more than none and at most a day. */
export const durationMin = z.number().int().min(1).max(1440);

/** A place limit; null (where allowed) means no limit. */
export const places = z.number().int().min(0).max(10_000);

/** A VAT rate in basis points (2100 = 21 %); main checks it is one of the centre's country (vat_rate_not_allowed). */
export const vatRateBp = z.number().int().min(0).max(10_000);

/** HH:MM, 24-hour. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A staff PIN: 4 to 8 digits. Checked against its hash in main, never stored. */
export const pin = z.string().regex(/^\d{4,8}$/, 'invalid_pin');
