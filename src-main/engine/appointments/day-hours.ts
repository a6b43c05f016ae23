import type { ExceptionKind, TimeRange, WeeklyRange } from '../../../src-shared/domain/appointments';
import { dateOfEpochDay, epochDay, weekdayOf } from '../../../src-shared/time/calendar-date';
import type { DayHours } from './free-slots';
import { minutesOfBound } from './wall-clock';

/** What an exception says about a date: a day off, or its own hours. */
export interface DayException {
  kind: ExceptionKind;
  ranges: TimeRange[];
}

export interface HoursSources {
  weekly: readonly WeeklyRange[];
  /** The exception set for this schedule on the date. */
  scheduleException?: DayException | null;
  /** The exception set for all the professional's schedules on the date. */
  staffException?: DayException | null;
  holiday: boolean;
}

const byStart = (a: TimeRange, b: TimeRange): number => minutesOfBound(a.start) - minutesOfBound(b.start);

function weeklyOn(weekly: readonly WeeklyRange[], weekday: number): TimeRange[] {
  return weekly
    .filter((r) => r.weekday === weekday)
    .map(({ start, end }) => ({ start, end }))
    .sort(byStart);
}

function resolve(weeklyRanges: () => TimeRange[], sources: Omit<HoursSources, 'weekly'>): TimeRange[] {
  if (sources.holiday) return [];
  const exception = sources.scheduleException ?? sources.staffException;
  if (exception) return exception.kind === 'day_off' ? [] : [...exception.ranges].sort(byStart);
  return weeklyRanges();
}

/**
 * The hours a schedule opens on a local date: none on a centre holiday; else the schedule's own exception,
 * else the professional's all-schedules exception (day off → none, hours → its ranges); else the weekly
 * ranges of the date's weekday. Sorted by start.
 */
export function hoursOn(date: string, sources: HoursSources): TimeRange[] {
  return resolve(() => weeklyOn(sources.weekly, weekdayOf(date)), sources);
}

/** A stored exception, as the handlers read it (scheduleId null: every schedule of the professional). */
export interface DatedException extends DayException {
  scheduleId: string | null;
  date: string;
}

export interface ScheduleCalendar {
  scheduleId: string;
  weekly: readonly WeeklyRange[];
  /** The professional's exceptions in (at least) the date range; other schedules' are ignored. */
  exceptions: readonly DatedException[];
  holidays: ReadonlySet<string>;
}

/**
 * hoursOn for every local date from `from` to `to` inclusive: the `days` of a SlotQuery. The week is
 * grouped once and days are walked by number, since slots.find asks this for every schedule.
 */
export function hoursBetween(from: string, to: string, calendar: ScheduleCalendar): DayHours[] {
  const own = new Map<string, DayException>();
  const staff = new Map<string, DayException>();
  for (const e of calendar.exceptions) {
    if (e.scheduleId === calendar.scheduleId) own.set(e.date, e);
    else if (e.scheduleId === null) staff.set(e.date, e);
  }
  const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => weeklyOn(calendar.weekly, weekday));
  const first = epochDay(from);
  const firstWeekday = weekdayOf(from);
  const days: DayHours[] = [];
  for (let day = first, last = epochDay(to); day <= last; day++) {
    const date = dateOfEpochDay(day);
    const ranges = resolve(() => week[(firstWeekday - 1 + day - first) % 7]!, {
      scheduleException: own.get(date),
      staffException: staff.get(date),
      holiday: calendar.holidays.has(date),
    });
    days.push({ date, ranges });
  }
  return days;
}
