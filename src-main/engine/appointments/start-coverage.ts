import type { SlotQuery } from './free-slots';
import { visitFreeSlots } from './free-slots';

interface HoursGroup {
  /** Indexes (into StartCoverage's starts) of the starts the group's hours hold, before any busy time. */
  starts: number[];
  /** Schedules in the group, and how many of them have been examined. */
  size: number;
  checked: number;
}

/**
 * Which starts the schedules of a search could offer from their hours alone (no busy time read), and how
 * many of the schedules that could offer each have been examined. "Any professional" examines
 * professionals in name order only until every start names enough of them or has nobody left who could
 * offer it. Schedules with the same hours (length, step, lead time, horizon, no exception) share one group,
 * so 400 professionals on the centre's usual hours cost one walk of those hours, not 400.
 */
export class StartCoverage {
  private readonly groups = new Map<string, HoursGroup>();
  private readonly indexOf = new Map<number, number>();
  private readonly startMs: number[] = [];
  private readonly dates: string[] = [];
  private readonly potential: number[] = [];
  private readonly checked: number[] = [];

  /** One more schedule of `group`; its hours are walked only for the group's first. */
  add(group: string, hoursOnly: () => SlotQuery): void {
    const found = this.groups.get(group);
    if (found) {
      found.size++;
      for (const i of found.starts) this.potential[i]!++;
      return;
    }
    const starts: number[] = [];
    visitFreeSlots(hoursOnly(), (startMs, _endMs, date) => {
      let i = this.indexOf.get(startMs);
      if (i === undefined) {
        i = this.startMs.push(startMs) - 1;
        this.indexOf.set(startMs, i);
        this.dates.push(date);
        this.potential.push(0);
        this.checked.push(0);
      }
      this.potential[i]!++;
      starts.push(i);
    });
    this.groups.set(group, { starts, size: 1, checked: 0 });
  }

  /** A schedule of `group` has been examined (its free slots merged). */
  examined(group: string): void {
    const found = this.groups.get(group);
    if (!found) return;
    found.checked++;
    for (const i of found.starts) this.checked[i]!++;
  }

  /**
   * The starts still open — fewer than `need` professionals found free at each, and a schedule that could
   * offer it not yet examined — in time order, their local dates, and the groups whose unexamined
   * schedules could offer one. No starts: the answer is complete.
   */
  open(foundAt: (startMs: number) => number, need: number): { starts: number[]; dates: Set<string>; groups: Set<string> } {
    const isOpen = this.startMs.map((ms, i) => this.checked[i]! < this.potential[i]! && foundAt(ms) < need);
    const groups = new Set<string>();
    for (const [key, group] of this.groups) {
      if (group.checked < group.size && group.starts.some((i) => isOpen[i])) groups.add(key);
    }
    const starts = this.startMs.filter((_, i) => isOpen[i]).sort((a, b) => a - b);
    const dates = new Set(this.dates.filter((_, i) => isOpen[i]));
    return { starts, dates, groups };
  }
}

/**
 * The time around some starts (sorted) that decides whether they are free: from `beforeMs` before each
 * to `afterMs` after it (the longest buffer before; the longest appointment with its buffer after).
 * Spans less than `joinMs` apart are joined: each window costs an index seek per professional, a gap a
 * few rows.
 */
export function windowsAround(starts: readonly number[], beforeMs: number, afterMs: number, joinMs = 0): { from: number; to: number }[] {
  const windows: { from: number; to: number }[] = [];
  for (const start of starts) {
    const last = windows[windows.length - 1];
    if (last && start - beforeMs <= last.to + joinMs) last.to = Math.max(last.to, start + afterMs);
    else windows.push({ from: start - beforeMs, to: start + afterMs });
  }
  return windows;
}
