import type { ApiResult } from '../../src-shared/api/result';
import { parseMoney } from '../lib/money';

/** A refusal made before any call (a price that is not a number): its message goes beside `field`. */
function refuse(field: string, message: string): ApiResult<never> {
  return { ok: false, error: { code: 'invalid_input', message, field } };
}

/** A form's input with the price typed in `field` as minor units, or the refusal (`invalid`) of a price that is not one. */
export function withPrice<T>(text: string, currency: string, field: string, invalid: string, input: (minor: number) => T): ApiResult<T> {
  const minor = parseMoney(text, currency);
  return minor === null ? refuse(field, invalid) : { ok: true, value: input(minor) };
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
