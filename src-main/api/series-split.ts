import type { WriteTx } from '../db/database';
import { copyCover } from '../db/queries/cover-files';
import { recurrenceOf, timingOf } from '../db/queries/materialise';
import type { SeriesTable } from '../db/tables/agenda';
import { newId } from '../engine/ids';
import type { WeeklyRecurrence } from '../engine/recurrence/weekly-rule';
import { toRRule } from '../engine/recurrence/weekly-rule';
import { lastDateOf } from '../engine/recurrence/weeks';
import { addDays } from '../engine/time/local-time';

/**
 * "This and following": the series ends the day before `pivot`, and a copy of it carries on from
 * `pivot` with the same occurrences (moved over, bookings and all). Returns the series that now
 * owns the occurrences from `pivot` on — the same one when nothing lies before the pivot.
 */
export async function splitSeriesAt(tx: WriteTx, series: SeriesTable, pivot: string, dataDir: string, now: string): Promise<SeriesTable> {
  const recurrence = recurrenceOf(series);
  if (!recurrence || pivot <= series.start_date) return series;
  const earlier = await tx
    .selectFrom('occurrences')
    .select('id')
    .where('series_id', '=', series.id)
    .where('series_date', '<', pivot)
    .executeTakeFirst();
  if (!earlier) return series;

  const timing = timingOf(series);
  const dayBefore = addDays(pivot, -1);
  const ended: WeeklyRecurrence = { ...recurrence, end: { kind: 'until', date: dayBefore } };
  await tx
    .updateTable('series')
    .set({
      rrule: toRRule(timing, ended),
      materialised_until: series.materialised_until < dayBefore ? series.materialised_until : dayBefore,
      updated_at: now,
    })
    .where('id', '=', series.id)
    .execute();

  // "For N weeks" keeps its last date; the new series counts from the pivot.
  const last = lastDateOf(series.start_date, recurrence);
  const carriedOn: WeeklyRecurrence = { ...recurrence, end: last === null ? { kind: 'never' } : { kind: 'until', date: last } };
  const id = newId();
  const next: SeriesTable = {
    ...series,
    id,
    start_date: pivot,
    rrule: toRRule({ ...timing, startDate: pivot }, carriedOn),
    cover_image: series.cover_image ? copyCover(dataDir, series.cover_image, id) : null,
    created_at: now,
    updated_at: now,
  };
  await tx.insertInto('series').values(next).execute();
  const tags = await tx.selectFrom('series_tags').select('tag_id').where('series_id', '=', series.id).execute();
  if (tags.length > 0) {
    await tx
      .insertInto('series_tags')
      .values(tags.map((t) => ({ series_id: id, tag_id: t.tag_id, created_at: now, updated_at: now })))
      .execute();
  }
  await tx
    .updateTable('occurrences')
    .set({ series_id: id, updated_at: now })
    .where('series_id', '=', series.id)
    .where('series_date', '>=', pivot)
    .execute();
  return next;
}

/** The rule date of the series' first occurrence that has not started yet, if any. */
export async function firstUpcomingDate(tx: WriteTx, seriesId: string, now: string): Promise<string | null> {
  const row = await tx
    .selectFrom('occurrences')
    .select('series_date')
    .where('series_id', '=', seriesId)
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .executeTakeFirst();
  return row?.series_date ?? null;
}
