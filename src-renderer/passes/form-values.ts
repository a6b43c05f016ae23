import type { ApiResult } from '../../src-shared/api/result';

/** A refusal made before any call (a price that is not a number): its message goes beside `field`. */
export function refuse(field: string, message: string): ApiResult<never> {
  return { ok: false, error: { code: 'invalid_input', message, field } };
}

/** The text of an optional whole number: empty is null (no limit); anything else goes to the API as typed. */
export function optionalCount(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** The text of an optional local date input: empty is null. */
export function optionalDate(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/** Adds or removes an id of a checkbox list, keeping the order the boxes were ticked in. */
export function toggled(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id);
}
