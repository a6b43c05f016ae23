import type { FreeSlot, SlotOption } from '../../src-shared/domain/appointments';
import { addDays, minutesOfTime, weekdayOf } from '../../src-shared/time/calendar-date';
import { Temporal } from '../lib/temporal';

/** Afternoon starts at 14:00, as a salon's paper book splits its day. */
const afternoonFrom = 14 * 60;

export type PartOfDay = 'morning' | 'afternoon';

/** The free times of a day, split into morning and afternoon (empty parts left out). */
export function byPartOfDay(slots: FreeSlot[]): { part: PartOfDay; slots: FreeSlot[] }[] {
  const morning = slots.filter((s) => minutesOfTime(s.localStart) < afternoonFrom);
  const afternoon = slots.filter((s) => minutesOfTime(s.localStart) >= afternoonFrom);
  return [
    { part: 'morning' as const, slots: morning },
    { part: 'afternoon' as const, slots: afternoon },
  ].filter((g) => g.slots.length > 0);
}

/** Monday of the week a local date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/**
 * The instant of a wall-clock time of the centre: a time in a spring-forward gap moves forward,
 * a repeated autumn time takes its first instant (the same rule as the backend's).
 */
export function localToInstant(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant().toString();
}

/** "HH:MM" of minutes since midnight. */
export function timeOfMinutes(minutes: number): string {
  const m = Math.max(0, Math.min(23 * 60 + 59, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Options for one professional each (a professional with two schedules is offered once per start). */
export function distinctOptions(slot: FreeSlot): SlotOption[] {
  const seen = new Set<string>();
  return slot.options.filter((o) => !seen.has(o.staffId) && seen.add(o.staffId));
}

/**
 * The free slot a clicked wall-clock time falls in: the latest start at or before it whose
 * appointment still covers it; else a start within the next quarter of an hour.
 */
export function slotAt(slots: FreeSlot[], time: string, staffId?: string): FreeSlot | undefined {
  const at = minutesOfTime(time);
  const usable = slots.filter((s) => !staffId || s.options.some((o) => o.staffId === staffId));
  const covering = usable.filter((s) => {
    const start = minutesOfTime(s.localStart);
    const length = Math.max(...s.options.map((o) => (Date.parse(o.endsAt) - Date.parse(s.startsAt)) / 60_000));
    return start <= at && at < start + length;
  });
  if (covering.length) return covering[covering.length - 1];
  return usable.find((s) => {
    const start = minutesOfTime(s.localStart);
    return start >= at && start < at + 15;
  });
}
