import type { BusyInterval } from './free-slots';

/** Whether [from, until) overlaps any busy interval (half-open: touching is free). */
export function overlapsBusy(from: number, until: number, busy: readonly BusyInterval[]): boolean {
  return busy.some((b) => b.from < until && from < b.to);
}

/**
 * The union of busy intervals sorted by `from`, as disjoint intervals sorted by both ends — so one pointer
 * moving forward answers every overlap question of a day-ordered slot list.
 */
export function mergeBusy(sorted: readonly BusyInterval[]): BusyInterval[] {
  const merged: BusyInterval[] = [];
  for (const { from, to } of sorted) {
    if (to <= from) continue;
    const last = merged[merged.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return merged;
}

/**
 * Walks disjoint sorted intervals; queries in time order cost O(1) amortised. A query earlier than the
 * previous one (overlapping ranges in bad data) starts again from the beginning rather than answer wrong.
 */
export class BusyCursor {
  private index = 0;
  private lastFrom = -Infinity;
  constructor(private readonly merged: readonly BusyInterval[]) {}

  overlaps(from: number, until: number): boolean {
    const { merged } = this;
    if (from < this.lastFrom) this.index = 0;
    this.lastFrom = from;
    while (this.index < merged.length && (merged[this.index]?.to ?? 0) <= from) this.index++;
    const next = merged[this.index];
    return next !== undefined && next.from < until;
  }
}
