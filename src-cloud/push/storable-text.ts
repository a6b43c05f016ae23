/**
 * Whether every string in a value can be stored by PostgreSQL: text and jsonb hold no NUL
 * character, and jsonb no lone surrogate. Checked before a batch is applied, so such a batch is
 * refused as malformed instead of failing (and being retried) forever.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorable(value: unknown): boolean {
  if (typeof value === 'string') return !value.includes('\u0000') && !loneSurrogate.test(value);
  if (Array.isArray(value)) return value.every(isStorable);
  if (typeof value === 'object' && value !== null) return Object.entries(value).every(([key, v]) => isStorable(key) && isStorable(v));
  return true;
}
