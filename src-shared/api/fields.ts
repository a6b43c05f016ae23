import { z } from 'zod';

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

export const isoDate = z.iso.date();

export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** Minutes, more than none and at most a day. */
export const durationMin = z.number().int().min(1).max(1440);

/** A place limit; null (where allowed) means no limit. */
export const places = z.number().int().min(0).max(10_000);

/** HH:MM, 24-hour. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A staff PIN: 4 to 8 digits. Checked against its hash in main, never stored. */
export const pin = z.string().regex(/^\d{4,8}$/, 'invalid_pin');
