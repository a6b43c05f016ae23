import type { EntriesOverflow, EventKind, Occurrence } from '../../src-shared/domain/agenda';
import type { Appointment } from '../../src-shared/domain/appointments';
import type { ReadDb } from '../db/database';
import { appointmentDayPages, countAppointmentsOn, countOccurrencesOn, occurrenceDayPages, type DayPageFilter, type DayPageRow } from '../db/queries/agenda-month';
import { appointmentsWithRowids } from '../db/queries/appointments';
import { occurrenceSummaries } from '../db/queries/occurrences';
import { firstOfEachDay } from '../engine/agenda/day-pages';
import { addDays } from '../engine/time/local-time';
import { birthdayCountCap } from './agenda-birthdays';

/** A day's entries are counted as its birthdays are: up to the same cap ("97+ más"). */
export const entriesCountCap = birthdayCountCap;

export interface MonthEntriesFilter {
  staffIds?: readonly string[];
  /** The event kinds wanted (all four when none is left out); empty: no occurrences. */
  eventKinds: readonly EventKind[];
  appointments: boolean;
  recurring?: boolean;
}

function datesOf(from: string, to: string): string[] {
  const dates = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * Each day's entries, by start. An entry goes on the day it shows on (its localDate), which is the
 * day its page was read for: appointments store it, and occurrences store theirs from the same instant.
 */
function byDay<T extends { localDate: string; startsAt: string }>(entries: T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const entry of entries) days.set(entry.localDate, [...(days.get(entry.localDate) ?? []), entry]);
  for (const list of days.values()) list.sort((x, y) => (x.startsAt < y.startsAt ? -1 : x.startsAt > y.startsAt ? 1 : 0));
  return days;
}

/**
 * The month view (agenda.range with perDay): per local day of the centre the first `perDay`
 * appointments and occurrences from the day indexes, merged by start, and a capped count of the rest
 * read only for the days whose page is full. The cost follows the days shown, not the month's entries.
 */
export async function monthEntriesOfRange(
  db: ReadDb,
  from: string,
  to: string,
  perDay: number,
  filter: MonthEntriesFilter,
): Promise<{ occurrences: Occurrence[]; appointments: Appointment[]; moreEntries: EntriesOverflow[] }> {
  const dates = datesOf(from, to);
  const staff: DayPageFilter = filter.staffIds ? { staffIds: filter.staffIds } : {};
  const occurrenceFilter: DayPageFilter = {
    ...staff,
    // All four kinds: no lookup of the series.
    ...(filter.eventKinds.length < 4 ? { kinds: filter.eventKinds } : {}),
    ...(filter.recurring !== undefined ? { recurring: filter.recurring } : {}),
  };
  const wantOccurrences = filter.eventKinds.length > 0;
  const [appointmentRows, occurrenceRows] = await Promise.all([
    filter.appointments ? appointmentDayPages(db, dates, perDay, staff) : [],
    wantOccurrences ? occurrenceDayPages(db, dates, perDay, occurrenceFilter) : [],
  ]);

  // Counted only where a page came back full: a shorter page is the whole day.
  const fullDays = (rows: DayPageRow[]) => {
    const perDate = new Map<string, number>();
    for (const r of rows) perDate.set(r.local_date, (perDate.get(r.local_date) ?? 0) + 1);
    return { perDate, full: dates.filter((d) => perDate.get(d) === perDay) };
  };
  const a = fullDays(appointmentRows);
  const o = fullDays(occurrenceRows);
  const [appointments, occurrences, appointmentCounts, occurrenceCounts] = await Promise.all([
    appointmentsWithRowids(
      db,
      appointmentRows.map((r) => r.row),
    ),
    occurrenceRows.length === 0 ? [] : occurrenceSummaries(db, { rowids: occurrenceRows.map((r) => r.row) }),
    countAppointmentsOn(db, a.full, entriesCountCap, staff),
    countOccurrencesOn(db, o.full, entriesCountCap, occurrenceFilter),
  ]);

  const appointmentsOn = byDay(appointments);
  const occurrencesOn = byDay(occurrences);
  return firstOfEachDay(
    dates.map((date) => ({
      date,
      appointments: appointmentsOn.get(date) ?? [],
      occurrences: occurrencesOn.get(date) ?? [],
      appointmentTotal: appointmentCounts.get(date) ?? a.perDate.get(date) ?? 0,
      occurrenceTotal: occurrenceCounts.get(date) ?? o.perDate.get(date) ?? 0,
    })),
    perDay,
    entriesCountCap,
  );
}
