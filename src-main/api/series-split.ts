import type { WriteTx } from '../db/database';
import { copyCover } from '../db/queries/cover-files';
import { recurrenceOf, timingOf } from '../db/queries/materialise';
import { hasOccurrenceBefore, moveOccurrencesToSeries } from '../db/queries/occurrences';
import { copySeriesTags, insertSeries, updateSeries } from '../db/queries/series';
import type { SeriesTable } from '../db/tables/agenda';
import { newId } from '../engine/ids';
import type { WeeklyRecurrence } from '../engine/recurrence/weekly-rule';
import { lastDateOf, toRRule, validateRecurrence } from '../engine/recurrence/weekly-rule';
import { addDays } from '../engine/time/local-time';

/**
 * "This and following": the series ends the day before `pivot`, and a copy of it carries on from
 * `pivot` with the same occurrences (moved over, bookings and all). Returns the series that now
 * owns the occurrences from `pivot` on — the same one when nothing lies before the pivot.
 */
export async function splitSeriesAt(tx: WriteTx, series: SeriesTable, pivot: string, dataDir: string, now: string): Promise<SeriesTable> {
  const recurrence = recurrenceOf(series);
  if (!recurrence || pivot <= series.start_date) return series;
  if (!(await hasOccurrenceBefore(tx, series.id, pivot))) return series;

  const timing = timingOf(series);
  const dayBefore = addDays(pivot, -1);
  const ended: WeeklyRecurrence = { ...recurrence, end: { kind: 'until', date: dayBefore } };
  // What lies before the pivot is only rows its rule no longer has (its weekdays changed since): no part to end.
  if (validateRecurrence(timing, ended)) return series;
  await updateSeries(tx, series.id, {
    rrule: toRRule(timing, ended),
    materialised_until: series.materialised_until < dayBefore ? series.materialised_until : dayBefore,
    updated_at: now,
  });

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
  await insertSeries(tx, next);
  await copySeriesTags(tx, series.id, id, now);
  await moveOccurrencesToSeries(tx, series.id, id, pivot, now);
  return next;
}
