import type { SelectQueryBuilder } from 'kysely';
import type { Occurrence } from '../../../src-shared/domain/agenda';
import { AppError } from '../../api/app-error';
import type { Database, Db, WriteTx } from '../database';
import type { OccurrencesTable } from '../tables/agenda';

export type SummaryQuery = SelectQueryBuilder<Database, 'occurrences' | 'series' | 'staff' | 'session_types', object>;

/**
 * Occurrences as the agenda shows them (series kind, organizer, colour, counts); `narrow` adds the
 * filters.
 */
export async function occurrenceSummaries(db: Db | WriteTx, narrow: (query: SummaryQuery) => SummaryQuery): Promise<Occurrence[]> {
  const base = db
    .selectFrom('occurrences')
    .innerJoin('series', 'series.id', 'occurrences.series_id')
    .innerJoin('staff', 'staff.id', 'occurrences.organizer_id')
    .leftJoin('session_types', 'session_types.id', 'series.session_type_id') as SummaryQuery;
  const rows = await narrow(base)
    .select([
      'occurrences.id',
      'occurrences.series_id',
      'occurrences.title',
      'occurrences.organizer_id',
      'occurrences.starts_at',
      'occurrences.ends_at',
      'occurrences.local_date',
      'occurrences.local_start',
      'occurrences.places',
      'occurrences.status',
      'occurrences.held_count',
      'occurrences.waitlist_count',
      'series.kind',
      'series.rrule',
      'series.attendance_mode',
      'series.redeemable_with_passes',
      'series.mode',
      'staff.name as organizer_name',
      'staff.colour as staff_colour',
      'session_types.colour as type_colour',
    ])
    .orderBy('occurrences.starts_at')
    .orderBy('occurrences.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seriesId: r.series_id,
    kind: r.kind,
    title: r.title,
    organizerId: r.organizer_id,
    organizerName: r.organizer_name,
    // Sessions take their type's colour; the rest their organizer's.
    colour: r.kind === 'session' && r.type_colour ? r.type_colour : r.staff_colour,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    localDate: r.local_date,
    localStart: r.local_start,
    places: r.places,
    bookedCount: r.held_count,
    waitlistCount: r.waitlist_count,
    status: r.status,
    recurring: r.rrule !== null,
    attendanceMode: r.attendance_mode,
    redeemableWithPasses: r.redeemable_with_passes === 1,
    mode: r.mode,
  }));
}

export async function loadOccurrenceSummary(db: Db | WriteTx, id: string, field = 'occurrenceId'): Promise<Occurrence> {
  const [found] = await occurrenceSummaries(db, (q) => q.where('occurrences.id', '=', id));
  if (!found) throw new AppError('not_found', field);
  return found;
}

export async function loadOccurrenceRow(db: Db | WriteTx, id: string, field = 'occurrenceId'): Promise<OccurrencesTable> {
  const row = await db.selectFrom('occurrences').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return row;
}

/** Inserts in chunks: SQLite limits the parameters of one statement. */
export async function insertOccurrences(tx: WriteTx, rows: OccurrencesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insertInto('occurrences').values(rows.slice(i, i + 500)).execute();
  }
}
