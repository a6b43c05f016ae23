export type RecurrenceEnd = { kind: 'never' } | { kind: 'weeks'; weeks: number } | { kind: 'until'; date: string };

export interface WeeklyRecurrence {
  /** 1..7, Monday = 1; at least one. */
  weekdays: number[];
  /** 1 = every week, 2 = every other week; 1..52. */
  intervalWeeks: number;
  /** 'weeks': N × 7 days from the first occurrence (see lastDateOf); 'until': date inclusive. */
  end: RecurrenceEnd;
}

export interface SeriesTiming {
  /** YYYY-MM-DD, local to timeZone. */
  startDate: string;
  /** HH:MM wall-clock time in timeZone. */
  startTime: string;
  durationMin: number;
  timeZone: string;
}

export interface Occurrence {
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

export type { DateWindow } from '../../../src-shared/recurrence/weekly-dates';
