import { newId } from '../../engine/ids';
import type { SeriesTiming, WeeklyRecurrence } from '../../engine/recurrence/weekly-rule';
import { LAST_DATE } from '../../../src-shared/time/calendar-date';
import { expandOccurrences, fromRRule, lastDateOf } from '../../engine/recurrence/weekly-rule';
import { addDays, instantToLocal } from '../../engine/time/local-time';
import { localDate } from '../../engine/time/local-date';
import type { Db, ReadDb, WriteTx } from '../database';
import type { OccurrencesTable, SeriesTable } from '../tables/agenda';
import { insertOccurrences } from './occurrences';
import { updateSeries } from './series';

/** How far ahead a series with no end has its occurrences as rows. */
export const openEndedHorizonDays = 366;

export function timingOf(row: Pick<SeriesTable, 'start_date' | 'start_time' | 'duration_min' | 'time_zone'>): SeriesTiming {
  return { startDate: row.start_date, startTime: row.start_time, durationMin: row.duration_min, timeZone: row.time_zone };
}

export function recurrenceOf(row: Pick<SeriesTable, 'rrule'>): WeeklyRecurrence | null {
  return row.rrule ? fromRRule(row.rrule).recurrence : null;
}

/**
 * The last local date that should have rows: the series' end, or 12 months past today for an open end
 * (never past LAST_DATE, the last date the agenda can show).
 */
export function materialiseUntil(timing: SeriesTiming, recurrence: WeeklyRecurrence | null, today: string): string {
  if (!recurrence) return timing.startDate;
  const last = lastDateOf(timing.startDate, recurrence);
  if (last !== null) return last;
  const until = addDays(today > timing.startDate ? today : timing.startDate, openEndedHorizonDays);
  return until < LAST_DATE ? until : LAST_DATE;
}

/**
 * The local date and time an occurrence row shows: those of its start instant in the series' zone. A
 * start the rule put in a spring-forward gap (02:30) happens, and shows, at 03:30.
 */
export function occurrenceLocalTimes(startsAt: Date, timeZone: string): Pick<OccurrencesTable, 'local_date' | 'local_start'> {
  const local = instantToLocal(startsAt, timeZone);
  return { local_date: local.date, local_start: local.time };
}

/** One occurrence row of a series, with the series' current title, organizer and places. */
export function occurrenceRow(
  series: Pick<SeriesTable, 'id' | 'title' | 'organizer_id' | 'places' | 'time_zone'>,
  occurrence: { localDate: string; startsAt: Date; endsAt: Date },
  now: string,
): OccurrencesTable {
  return {
    id: newId(),
    series_id: series.id,
    series_date: occurrence.localDate,
    ...occurrenceLocalTimes(occurrence.startsAt, series.time_zone),
    starts_at: occurrence.startsAt.toISOString(),
    ends_at: occurrence.endsAt.toISOString(),
    title: series.title,
    organizer_id: series.organizer_id,
    places: series.places,
    status: 'scheduled',
    edited: 0,
    held_count: 0,
    waitlist_count: 0,
    created_at: now,
    updated_at: now,
  };
}

/** Adds the rows of the series' occurrences between two local dates (inclusive). */
export async function materialise(tx: WriteTx, series: SeriesTable, window: { from: string; to: string }, now: string): Promise<number> {
  const rows = expandOccurrences(timingOf(series), recurrenceOf(series), window).map((o) => occurrenceRow(series, o, now));
  await insertOccurrences(tx, rows);
  return rows.length;
}

/** The open-ended series whose rows end before 12 months ahead of `now`, with the date to extend them to. */
async function seriesToExtend(db: ReadDb, now: Date): Promise<{ series: SeriesTable; until: string }[]> {
  const candidates = await db.selectFrom('series').selectAll().where('cancelled_at', 'is', null).where('rrule', 'is not', null).execute();
  const due: { series: SeriesTable; until: string }[] = [];
  for (const series of candidates) {
    const recurrence = recurrenceOf(series);
    if (!recurrence || recurrence.end.kind !== 'never') continue;
    const until = materialiseUntil(timingOf(series), recurrence, localDate(now, series.time_zone));
    if (until > series.materialised_until) due.push({ series, until });
  }
  return due;
}

/** At start-up: series with no end get their rows 12 months ahead again. Not a user change: not logged. */
export async function extendOpenEndedSeries(db: Db): Promise<number> {
  const now = new Date();
  const stamp = now.toISOString();
  // Most start-ups find nothing due: no write lock taken then (other desks may be starting too).
  if ((await seriesToExtend(db, now)).length === 0) return 0;
  return db.transaction().execute(async (tx) => {
    // Read again under the lock: another desk may have extended them meanwhile.
    let added = 0;
    for (const { series, until } of await seriesToExtend(tx, now)) {
      added += await materialise(tx, series, { from: addDays(series.materialised_until, 1), to: until }, stamp);
      await updateSeries(tx, series.id, { materialised_until: until });
    }
    return added;
  });
}
