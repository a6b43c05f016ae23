import type { TimeRange } from '../../../src-shared/domain/appointments';
import { BusyCursor, mergeBusy } from './busy';
import { fitsRange, rangeInstants } from './fits-hours';
import { minutesOfBound, rangeMinutes, steadyOffset, timeOfMinutes, wallOfDate, wallOfMinutes } from './wall-clock';
import { existingWallToInstant } from '../time/local-time';

/** A time the professional is not free: [from, to) in epoch milliseconds. */
export interface BusyInterval {
  from: number;
  to: number;
}

/** The hours a schedule opens on one local date, after exceptions and holidays. */
export interface DayHours {
  date: string;
  ranges: TimeRange[];
}

export interface SlotQuery {
  timeZone: string;
  /** Local dates in order, each with its ranges (empty on a day off). */
  days: DayHours[];
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  /** Minutes between offered starts, on the wall clock from each range's start. */
  stepMin: number;
  /** now + lead time: no slot starts before it. */
  earliestStartMs: number;
  /** The last local date open for booking (today + horizon). */
  lastDate: string;
  /** Sorted by `from`; appointments with their buffers, sessions, meetings and private events. */
  busy: BusyInterval[];
}

export interface ComputedSlot {
  startMs: number;
  endMs: number;
  localDate: string;
  localStart: string;
}

const MINUTE_MS = 60_000;

/** Ranges by start (hoursOn already sorts them: copy only when they are not). */
function inStartOrder(ranges: readonly TimeRange[]): readonly TimeRange[] {
  const starts = ranges.map((r) => minutesOfBound(r.start));
  if (starts.every((m, i) => i === 0 || starts[i - 1]! <= m)) return ranges;
  return [...ranges].sort((a, b) => minutesOfBound(a.start) - minutesOfBound(b.start));
}

/**
 * The free starts of one schedule, in time order. Candidates are wall-clock times from each range's start
 * by `stepMin`; a time in a spring-forward gap is skipped, a repeated autumn time is offered once (its first
 * instant). A slot lasts `durationMin` real minutes and must fit the range as the booking check reads it
 * (rangeInstants, fitsRange): from the instant it opens to the instant it closes; with its buffers it must
 * overlap nothing busy.
 */
export function freeSlots(query: SlotQuery): ComputedSlot[] {
  const slots: ComputedSlot[] = [];
  visitFreeSlots(query, (startMs, endMs, localDate, minute) => slots.push({ startMs, endMs, localDate, localStart: timeOfMinutes(minute) }));
  return slots;
}

/** Called once per free start, in time order: `minute` is its wall-clock minute of `localDate`. */
export type FreeSlotVisitor = (startMs: number, endMs: number, localDate: string, minute: number) => void;

/**
 * freeSlots without building its list: "any professional" visits 400 schedules' slots and keeps a few
 * per start, so it makes no object for the slots it only counts.
 */
export function visitFreeSlots(query: SlotQuery, visit: FreeSlotVisitor): void {
  const { timeZone, durationMin, stepMin, earliestStartMs, lastDate } = query;
  if (durationMin <= 0 || stepMin <= 0) throw new RangeError('durationMin and stepMin must be positive');
  const durationMs = durationMin * MINUTE_MS;
  const beforeMs = query.bufferBeforeMin * MINUTE_MS;
  const afterMs = query.bufferAfterMin * MINUTE_MS;
  const cursor = new BusyCursor(mergeBusy(query.busy));

  for (const { date, ranges } of query.days) {
    if (date > lastDate) break;
    if (ranges.length === 0) continue;
    const dayWall = wallOfDate(date);
    const offset = steadyOffset(dayWall, timeZone);
    // Only a day whose offset changes needs the careful, per-time conversion.
    const toInstant = offset === null ? (wall: number) => existingWallToInstant(wall, timeZone) : (wall: number) => wall - offset;
    for (const range of inStartOrder(ranges)) {
      const open = rangeInstants(date, range, timeZone, offset);
      // Even the range's last possible slot starts inside the lead time: nothing to offer here.
      if (open.endMs - durationMs < earliestStartMs) continue;
      const { start, end } = rangeMinutes(range);
      // Bounded by real minutes, not wall minutes: on a fall-back night a range holds more than it shows.
      for (let m = start; m < end; m += stepMin) {
        const startMs = toInstant(wallOfMinutes(dayWall, m));
        if (startMs === null) continue;
        const endMs = startMs + durationMs;
        // Existing wall times map to ever later instants: once one ends too late, so do the rest.
        if (endMs > open.endMs) break;
        if (!fitsRange(startMs, endMs, open) || startMs < earliestStartMs) continue;
        if (cursor.overlaps(startMs - beforeMs, endMs + afterMs)) continue;
        visit(startMs, endMs, date, m);
      }
    }
  }
}
