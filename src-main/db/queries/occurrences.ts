import { sql } from 'kysely';
import type { AttendanceMode, EventKind, Occurrence } from '../../../src-shared/domain/agenda';
import { AppError } from '../../errors/app-error';
import type { Db, WriteTx } from '../database';
import type { OccurrencesTable } from '../tables/agenda';

/** Which occurrences to show: every field narrows. */
export interface OccurrenceFilter {
  id?: string;
  /** Overlapping an interval: starts before `toIso`, ends after `fromIso` (and starts after `earliestStart`, for the index). */
  range?: { earliestStart: string; fromIso: string; toIso: string };
  organizerIds?: readonly string[];
  kinds?: readonly EventKind[];
  recurring?: boolean;
  scheduledOnly?: boolean;
  startsAfter?: string;
}

interface SeriesFacts {
  kind: EventKind;
  recurring: boolean;
  attendanceMode: AttendanceMode;
  redeemableWithPasses: boolean;
  mode: 'in_person' | 'online';
  typeColour: string | null;
}

/**
 * Occurrences as the agenda shows them (series kind, organizer, colour, counts). The series and
 * staff a month touches are few (hundreds) while its occurrences are thousands: they are read once
 * each and joined here, not looked up per occurrence.
 */
export async function occurrenceSummaries(db: Db | WriteTx, filter: OccurrenceFilter): Promise<Occurrence[]> {
  let query = db
    .selectFrom('occurrences')
    .select(['id', 'series_id', 'title', 'organizer_id', 'starts_at', 'ends_at', 'local_date', 'local_start', 'places', 'status', 'held_count', 'waitlist_count']);
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  if (filter.range) {
    query = query
      .where('starts_at', '>=', filter.range.earliestStart)
      .where('starts_at', '<', filter.range.toIso)
      .where('ends_at', '>', filter.range.fromIso);
  }
  if (filter.organizerIds) query = query.where('organizer_id', 'in', filter.organizerIds.length > 0 ? filter.organizerIds : ['']);
  if (filter.scheduledOnly) query = query.where('status', '=', 'scheduled');
  if (filter.startsAfter !== undefined) query = query.where('starts_at', '>', filter.startsAfter);
  const rows = await query.orderBy('starts_at').orderBy('id').execute();
  if (rows.length === 0) return [];

  const [series, staff] = await Promise.all([
    seriesFacts(db, [...new Set(rows.map((r) => r.series_id))]),
    db.selectFrom('staff').select(['id', 'name', 'colour']).where('id', 'in', [...new Set(rows.map((r) => r.organizer_id))]).execute(),
  ]);
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const occurrences: Occurrence[] = [];
  for (const r of rows) {
    const facts = series.get(r.series_id)!;
    if (filter.kinds && !filter.kinds.includes(facts.kind)) continue;
    if (filter.recurring !== undefined && facts.recurring !== filter.recurring) continue;
    const organizer = staffById.get(r.organizer_id)!;
    occurrences.push({
      id: r.id,
      seriesId: r.series_id,
      kind: facts.kind,
      title: r.title,
      organizerId: r.organizer_id,
      organizerName: organizer.name,
      // Sessions take their type's colour; the rest their organizer's.
      colour: facts.kind === 'session' && facts.typeColour ? facts.typeColour : organizer.colour,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      localDate: r.local_date,
      localStart: r.local_start,
      places: r.places,
      bookedCount: r.held_count,
      waitlistCount: r.waitlist_count,
      status: r.status,
      recurring: facts.recurring,
      attendanceMode: facts.attendanceMode,
      redeemableWithPasses: facts.redeemableWithPasses,
      mode: facts.mode,
    });
  }
  return occurrences;
}

async function seriesFacts(db: Db | WriteTx, ids: string[]): Promise<Map<string, SeriesFacts>> {
  const rows = await db
    .selectFrom('series')
    .leftJoin('session_types', 'session_types.id', 'series.session_type_id')
    .select([
      'series.id',
      'series.kind',
      'series.attendance_mode',
      'series.redeemable_with_passes',
      'series.mode',
      'session_types.colour as type_colour',
      sql<number>`series.rrule IS NOT NULL`.as('recurring'),
    ])
    .where('series.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: r.kind,
        recurring: r.recurring === 1,
        attendanceMode: r.attendance_mode,
        redeemableWithPasses: r.redeemable_with_passes === 1,
        mode: r.mode,
        typeColour: r.type_colour,
      },
    ]),
  );
}

export async function loadOccurrenceSummary(db: Db | WriteTx, id: string, field = 'occurrenceId'): Promise<Occurrence> {
  const [found] = await occurrenceSummaries(db, { id });
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
