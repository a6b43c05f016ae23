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
