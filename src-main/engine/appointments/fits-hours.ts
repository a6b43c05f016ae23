import type { TimeRange } from '../../../src-shared/domain/appointments';
import { rangeMinutes, wallOfDate, wallOfMinutes } from './wall-clock';
import { wallToInstant } from '../time/local-time';

/** The instants a range of a local date opens and closes. */
export interface OpenInstants {
  startMs: number;
  endMs: number;
}

/**
 * The instants a range of a local date opens and closes: each bound converted by wallToInstant, so a
 * bound inside a spring-forward gap moves forward by the gap (Santiago 00:30 on a gap night opens at
 * 01:30 −03) and a repeated one is its first instant; '24:00' closes at the next midnight. Slots and
 * the booking check both read a range through this.
 */
export function rangeInstants(date: string, range: TimeRange, timeZone: string, steadyOffsetMs: number | null = null): OpenInstants {
  const dayWall = wallOfDate(date);
  const { start, end } = rangeMinutes(range);
  // A day whose offset does not change (steadyOffset) converts by subtraction: the same instants, faster.
  const toInstant = steadyOffsetMs === null ? (wall: number) => wallToInstant(wall, timeZone) : (wall: number) => wall - steadyOffsetMs;
  return { startMs: toInstant(wallOfMinutes(dayWall, start)), endMs: toInstant(wallOfMinutes(dayWall, end)) };
}

/**
 * Whether an appointment [startMs, endMs) fits an open range: it starts at or after the instant the
 * range opens and its real (elapsed) end is at or before the instant it closes — so a range crossing a
 * daylight-saving change is measured in real minutes. The one fit rule of slots and bookings.
 */
export function fitsRange(startMs: number, endMs: number, open: OpenInstants): boolean {
  return open.startMs <= startMs && endMs <= open.endMs;
}

/** Whether an appointment lies inside one range of a date's hours. `date` is the start's local date. */
export function fitsHours(startMs: number, endMs: number, date: string, hours: readonly TimeRange[], timeZone: string): boolean {
  return hours.some((range) => fitsRange(startMs, endMs, rangeInstants(date, range, timeZone)));
}
