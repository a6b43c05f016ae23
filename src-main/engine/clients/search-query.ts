import { fold } from '../text/fold';

/**
 * Turns what the desk typed into an FTS5 query: every word must match as a word prefix.
 * Runs of digits separated by spaces, dots or dashes are one phone or id fragment ("612 34" →
 * "61234"). Each term is quoted, so nothing typed is read as FTS syntax. Null when nothing is left.
 */
export function ftsQuery(typed: string): string | null {
  const terms: string[] = [];
  let digits = '';
  for (const token of fold(typed).split(/\s+/)) {
    const pieces = token.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length > 0);
    const isNumeric = pieces.length > 0 && pieces.every((p) => /^\d+$/.test(p));
    if (isNumeric) {
      digits += pieces.join('');
      continue;
    }
    if (digits) terms.push(digits);
    digits = '';
    terms.push(...pieces);
  }
  if (digits) terms.push(digits);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(' ');
}
