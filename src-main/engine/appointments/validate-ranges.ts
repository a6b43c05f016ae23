import { minutesOfBound } from './wall-clock';

/** A weekly range (with its weekday) or one date's range (no weekday: all in one group). */
export interface RangeToCheck {
  weekday?: number;
  start: string;
  end: string;
}

/**
 * null when every range is valid; else the index of the first bad one: inverted or empty (start ≥ end),
 * or overlapping an earlier range of the same weekday — the later of the two is named. Touching is fine.
 */
export function validateRanges(ranges: readonly RangeToCheck[]): number | null {
  return invalidRanges(ranges)[0] ?? null;
}

/** The index of every bad range (as validateRanges judges them), so a form can mark each at once. */
export function invalidRanges(ranges: readonly RangeToCheck[]): number[] {
  const bad: number[] = [];
  const seen: { weekday: number | undefined; start: number; end: number }[] = [];
  for (const [i, range] of ranges.entries()) {
    const start = minutesOfBound(range.start);
    const end = minutesOfBound(range.end);
    if (start >= end || seen.some((s) => s.weekday === range.weekday && s.start < end && start < s.end)) bad.push(i);
    else seen.push({ weekday: range.weekday, start, end });
  }
  return bad;
}
