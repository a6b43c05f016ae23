import type { TimeRange } from '../../../src-shared/domain/appointments';
import { BusyCursor, mergeBusy } from './busy';
import { firstInstantOfWall, minutesOfBound, rangeMinutes, steadyOffset, timeOfMinutes, wallOfDate, wallOfMinutes } from './wall-clock';
import { wallToInstant } from '../time/local-time';

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
 * instant). A slot lasts `durationMin` real minutes and must end by the range end's instant; with its
 * buffers it must overlap nothing busy.
 */
export function freeSlots(query: SlotQuery): ComputedSlot[] {
  const { timeZone, durationMin, stepMin, earliestStartMs, lastDate } = query;
  if (durationMin <= 0 || stepMin <= 0) throw new RangeError('durationMin and stepMin must be positive');
  const durationMs = durationMin * MINUTE_MS;
  const beforeMs = query.bufferBeforeMin * MINUTE_MS;
  const afterMs = query.bufferAfterMin * MINUTE_MS;
  const cursor = new BusyCursor(mergeBusy(query.busy));
  const slots: ComputedSlot[] = [];

  for (const { date, ranges } of query.days) {
    if (date > lastDate) break;
    if (ranges.length === 0) continue;
    const dayWall = wallOfDate(date);
    const offset = steadyOffset(dayWall, timeZone);
    // Only a day whose offset changes needs the careful, per-time conversion.
    const toInstant = offset === null ? (wall: number) => firstInstantOfWall(wall, timeZone) : (wall: number) => wall - offset;
    for (const range of inStartOrder(ranges)) {
      const { start, end } = rangeMinutes(range);
      const endWall = wallOfMinutes(dayWall, end);
      const rangeEndMs = offset === null ? wallToInstant(endWall, timeZone) : endWall - offset;
      // Even the range's last possible slot starts inside the lead time: nothing to offer here.
      if (rangeEndMs - durationMs < earliestStartMs) continue;
      for (let m = start; m + durationMin <= end; m += stepMin) {
        const startMs = toInstant(wallOfMinutes(dayWall, m));
        if (startMs === null || startMs < earliestStartMs) continue;
        const endMs = startMs + durationMs;
        if (endMs > rangeEndMs) continue;
        if (cursor.overlaps(startMs - beforeMs, endMs + afterMs)) continue;
        slots.push({ startMs, endMs, localDate: date, localStart: timeOfMinutes(m) });
      }
    }
  }
  return slots;
}
