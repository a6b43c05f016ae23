import type { Series } from '../../../src-shared/domain/agenda';
import { AppError } from '../../errors/app-error';
import { fromRRule } from '../../engine/recurrence/weekly-rule';
import type { ReadDb, WriteTx } from '../database';
import { precompiled } from '../precompiled';
import type { SeriesTable } from '../tables/agenda';

// Every booking reads its series: built once.
const seriesById = precompiled((db, p: { id: string }) => db.selectFrom('series').selectAll().where('id', '=', p.id));

export async function loadSeriesRow(db: ReadDb, id: string): Promise<SeriesTable> {
  const [row] = await seriesById(db, { id });
  if (!row) throw new AppError('not_found', 'id');
  return row;
}

export async function seriesTagIds(db: ReadDb, seriesId: string): Promise<string[]> {
  const rows = await db.selectFrom('series_tags').select('tag_id').where('series_id', '=', seriesId).orderBy('tag_id').execute();
  return rows.map((r) => r.tag_id);
}

/** The tags of some series with each one's tag rule (any or all), for tag visibility. */
export async function tagRulesOfSeries(db: ReadDb, seriesIds: readonly string[]): Promise<{ series_id: string; tag_id: string; tag_match: SeriesTable['tag_match'] }[]> {
  if (seriesIds.length === 0) return [];
  return db
    .selectFrom('series_tags')
    .innerJoin('series', 'series.id', 'series_tags.series_id')
    .select(['series_id', 'tag_id', 'series.tag_match'])
    .where('series_id', 'in', seriesIds)
    .execute();
}

export function toSeries(row: SeriesTable, tagIds: string[]): Series {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    mode: row.mode,
    onlineLink: row.online_link,
    organizerId: row.organizer_id,
    sessionTypeId: row.session_type_id,
    description: row.description,
    hasCoverImage: row.cover_image !== null,
    startDate: row.start_date,
    startTime: row.start_time,
    durationMin: row.duration_min,
    timeZone: row.time_zone,
    recurrence: row.rrule ? fromRRule(row.rrule).recurrence : null,
    rrule: row.rrule,
    places: row.places,
    attendanceMode: row.attendance_mode,
    tagMatch: row.tag_match,
    tagIds,
    redeemableWithPasses: row.redeemable_with_passes === 1,
    cancelled: row.cancelled_at !== null,
  };
}

export async function loadSeries(db: ReadDb, id: string): Promise<Series> {
  const row = await loadSeriesRow(db, id);
  return toSeries(row, await seriesTagIds(db, id));
}

export async function insertSeries(tx: WriteTx, row: SeriesTable): Promise<void> {
  await tx.insertInto('series').values(row).execute();
}

/** Sets these columns of a series (a user change stamps updated_at among them). */
export async function updateSeries(tx: WriteTx, id: string, changes: Partial<SeriesTable>): Promise<void> {
  await tx.updateTable('series').set(changes).where('id', '=', id).execute();
}

/** Gives a series the tags of another. */
export async function copySeriesTags(tx: WriteTx, fromSeriesId: string, toSeriesId: string, now: string): Promise<void> {
  const tags = await tx.selectFrom('series_tags').select('tag_id').where('series_id', '=', fromSeriesId).execute();
  if (tags.length > 0) {
    await tx
      .insertInto('series_tags')
      .values(tags.map((t) => ({ series_id: toSeriesId, tag_id: t.tag_id, created_at: now, updated_at: now })))
      .execute();
  }
}

/** Every tag a series names must exist. */
export async function assertSeriesTagsExist(db: ReadDb, tagIds: readonly string[], field = 'tagIds'): Promise<void> {
  const unique = [...new Set(tagIds)];
  if (unique.length === 0) return;
  const found = await db.selectFrom('tags').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw new AppError('not_found', field);
}

export async function writeSeriesTags(tx: WriteTx, seriesId: string, tagIds: string[], now: string): Promise<void> {
  const unique = [...new Set(tagIds)];
  await assertSeriesTagsExist(tx, unique);
  await tx.deleteFrom('series_tags').where('series_id', '=', seriesId).execute();
  if (unique.length > 0) {
    await tx
      .insertInto('series_tags')
      .values(unique.map((tag_id) => ({ series_id: seriesId, tag_id, created_at: now, updated_at: now })))
      .execute();
  }
}
