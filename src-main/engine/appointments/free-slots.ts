import type { TimeRange } from '../../../src-shared/domain/appointments';

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

/** TODO(issue 4): being written. */
export function freeSlots(_query: SlotQuery): ComputedSlot[] {
  throw new Error('not yet');
}
