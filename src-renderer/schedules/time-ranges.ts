import { isLocalTime, minutesOfTime, pad } from '../../src-shared/time/calendar-date';

/** Minutes in a day: a range may end at 24:00. */
const DAY_END = 24 * 60;

/** A range as its two time inputs hold it; `key` keeps its row (and its error) across edits. */
export interface RangeDraft {
  key: number;
  start: string;
  /** As typed: 00:00 in an end field means midnight at the end of the day. */
  end: string;
}

let lastKey = 0;

/** A fresh key for a new row of ranges. */
export function newKey(): number {
  lastKey += 1;
  return lastKey;
}

export function draftOf(range: { start: string; end: string }): RangeDraft {
  return { key: newKey(), start: range.start, end: endForInput(range.end) };
}

/** The end the API takes: 00:00 typed as an end is the end of the day (24:00). */
export function endForApi(end: string): string {
  return end === '00:00' ? '24:00' : end;
}

/** A time input cannot show 24:00: the end of the day shows as 00:00. */
export function endForInput(end: string): string {
  return end === '24:00' ? '00:00' : end;
}

function minutesOf(time: string): number | null {
  if (time === '24:00') return DAY_END;
  return isLocalTime(time) ? minutesOfTime(time) : null;
}

function timeOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The range "+" adds after the day's last one: an hour after it ends, an hour long, within the day
 * (touching it when the day is almost over); the morning when the day has none; null when the
 * last range ends at midnight.
 */
export function rangeAfter(last: RangeDraft | undefined): RangeDraft | null {
  if (!last) return { key: newKey(), start: '09:00', end: '14:00' };
  const lastEnd = minutesOf(endForApi(last.end)) ?? minutesOf(last.start);
  if (lastEnd === null) return { key: newKey(), start: '09:00', end: '14:00' };
  if (lastEnd >= DAY_END) return null;
  const start = Math.max(lastEnd, Math.min(lastEnd + 60, DAY_END - 60));
  const end = Math.min(start + 60, DAY_END);
  return { key: newKey(), start: timeOf(start), end: endForInput(end === DAY_END ? '24:00' : timeOf(end)) };
}

/** 09:00–13:00 */
export function formatRange(range: { start: string; end: string }): string {
  return `${range.start}–${range.end}`;
}
