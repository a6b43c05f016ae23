import { sql } from 'kysely';
import type { AttendanceMode, EventKind, Occurrence } from '../../../src-shared/domain/agenda';
import { instantToLocal } from '../../engine/time/local-time';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import { readRaw } from '../database';
import { precompiled } from '../precompiled';
import type { OccurrencesTable } from '../tables/agenda';

/** Which occurrences to show: every field narrows. */
export interface OccurrenceFilter {
  id?: string;
  /** Exactly these rows (the month view's day pages: an index entry carries its rowid). */
  rowids?: readonly number[];
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
  timeZone: string;
}

/**
 * Occurrences as the agenda shows them (series kind, organizer, colour, counts). The series and
 * staff a month touches are few (hundreds) while its occurrences are thousands: they are read once
 * each and joined here, not looked up per occurrence.
 */
export async function occurrenceSummaries(db: ReadDb, filter: OccurrenceFilter): Promise<Occurrence[]> {
  let query = db
    .selectFrom('occurrences')
    .select(['id', 'series_id', 'title', 'organizer_id', 'starts_at', 'ends_at', 'places', 'status', 'held_count', 'waitlist_count']);
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  if (filter.rowids) query = query.where(sql<number>`rowid`, 'in', filter.rowids.length > 0 ? filter.rowids : [-1]);
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
    // Shown at the local time it happens (older rows may hold a wall time in a spring-forward gap).
    const local = instantToLocal(new Date(r.starts_at), facts.timeZone);
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
      localDate: local.date,
      localStart: local.time,
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

async function seriesFacts(db: ReadDb, ids: string[]): Promise<Map<string, SeriesFacts>> {
  const rows = await db
    .selectFrom('series')
    .leftJoin('session_types', 'session_types.id', 'series.session_type_id')
    .select([
      'series.id',
      'series.kind',
      'series.attendance_mode',
      'series.redeemable_with_passes',
      'series.mode',
      'series.time_zone',
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
        timeZone: r.time_zone,
      },
    ]),
  );
}

export async function loadOccurrenceSummary(db: ReadDb, id: string, field = 'occurrenceId'): Promise<Occurrence> {
  const [found] = await occurrenceSummaries(db, { id });
  if (!found) throw new AppError('not_found', field);
  return found;
}

// Every booking reads its occurrence: built once.
const occurrenceById = precompiled((db, p: { id: string }) => db.selectFrom('occurrences').selectAll().where('id', '=', p.id));

export async function loadOccurrenceRow(db: ReadDb, id: string, field = 'occurrenceId'): Promise<OccurrencesTable> {
  const [row] = await occurrenceById(db, { id });
  if (!row) throw new AppError('not_found', field);
  return row;
}

/** Inserts in chunks: SQLite limits the parameters of one statement. */
export async function insertOccurrences(tx: WriteTx, rows: OccurrencesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insertInto('occurrences').values(rows.slice(i, i + 500)).execute();
  }
}

/** A series' occurrences from a rule date on (inclusive), cancelled ones too. */
export async function seriesOccurrencesFrom(db: ReadDb, seriesId: string, fromSeriesDate: string): Promise<OccurrencesTable[]> {
  return db.selectFrom('occurrences').selectAll().where('series_id', '=', seriesId).where('series_date', '>=', fromSeriesDate).execute();
}

/** The scheduled occurrences a cancellation takes: one, or a series' from a rule date on. */
export async function scheduledOccurrencesOf(db: ReadDb, which: { occurrenceId: string } | { seriesId: string; fromSeriesDate: string }): Promise<OccurrencesTable[]> {
  let query = db.selectFrom('occurrences').selectAll().where('status', '=', 'scheduled');
  query = 'occurrenceId' in which ? query.where('id', '=', which.occurrenceId) : query.where('series_id', '=', which.seriesId).where('series_date', '>=', which.fromSeriesDate);
  return query.execute();
}

/** Whether the series has an occurrence on a rule date before `seriesDate`. */
export async function hasOccurrenceBefore(db: ReadDb, seriesId: string, seriesDate: string): Promise<boolean> {
  const earlier = await db
    .selectFrom('occurrences')
    .select('id')
    .where('series_id', '=', seriesId)
    .where('series_date', '<', seriesDate)
    .executeTakeFirst();
  return earlier !== undefined;
}

/** The rule date of the series' first occurrence that has not started yet, if any. */
export async function firstUpcomingDate(db: ReadDb, seriesId: string, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('occurrences')
    .select('series_date')
    .where('series_id', '=', seriesId)
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .executeTakeFirst();
  return row?.series_date ?? null;
}

export async function updateOccurrence(tx: WriteTx, id: string, changes: Partial<OccurrencesTable>, now: string): Promise<void> {
  await tx
    .updateTable('occurrences')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function cancelOccurrence(tx: WriteTx, id: string, now: string): Promise<void> {
  await tx.updateTable('occurrences').set({ status: 'cancelled', updated_at: now }).where('id', '=', id).execute();
}

/** Hands a series' occurrences from a rule date on (inclusive) to another series, bookings and all. */
export async function moveOccurrencesToSeries(tx: WriteTx, fromSeriesId: string, toSeriesId: string, fromSeriesDate: string, now: string): Promise<void> {
  await tx
    .updateTable('occurrences')
    .set({ series_id: toSeriesId, updated_at: now })
    .where('series_id', '=', fromSeriesId)
    .where('series_date', '>=', fromSeriesDate)
    .execute();
}

export interface SessionFigures {
  total: number;
  withFreePlaces: number;
  waitlisted: number;
  confirmed: number;
  cancelled: number;
  pastAttended: number;
  pastHeld: number;
}

/**
 * The scheduled sessions starting in a range of instants (of some professionals, when given), with
 * their kept counts; cancellations and attendance (of sessions ended by `now`) are counted from bookings.
 */
export async function countSessions(db: ReadDb, range: { fromIso: string; toIso: string }, staffIds: readonly string[] | undefined, now: string): Promise<SessionFigures> {
  const staffFilter = staffIds && staffIds.length > 0 ? sql`AND o.organizer_id IN (${sql.join(staffIds)})` : staffIds ? sql`AND 0` : sql``;
  const rows = await readRaw(
    db,
    sql<{
      total: number;
      with_free: number;
      waitlisted: number;
      confirmed: number;
      cancelled: number;
      past_attended: number;
      past_held: number;
    }>`
      WITH occ AS (
        SELECT o.id, o.places, o.ends_at, o.held_count, o.waitlist_count
        FROM occurrences o JOIN series s ON s.id = o.series_id
        WHERE s.kind = 'session' AND o.status = 'scheduled'
          AND o.starts_at >= ${range.fromIso} AND o.starts_at < ${range.toIso} ${staffFilter}
      )
      SELECT count(*) AS total,
        coalesce(sum(places IS NULL OR held_count < places), 0) AS with_free,
        coalesce(sum(waitlist_count), 0) AS waitlisted,
        coalesce(sum(held_count), 0) AS confirmed,
        (SELECT count(*) FROM occ JOIN bookings b ON b.occurrence_id = occ.id AND b.status = 'cancelled') AS cancelled,
        (SELECT count(*) FROM occ JOIN bookings b ON b.occurrence_id = occ.id AND b.status = 'attended' WHERE occ.ends_at <= ${now}) AS past_attended,
        coalesce(sum(CASE WHEN ends_at <= ${now} THEN held_count ELSE 0 END), 0) AS past_held
      FROM occ`,
  );
  const row = rows[0]!;
  return {
    total: Number(row.total),
    withFreePlaces: Number(row.with_free),
    waitlisted: Number(row.waitlisted),
    confirmed: Number(row.confirmed),
    cancelled: Number(row.cancelled),
    pastAttended: Number(row.past_attended),
    pastHeld: Number(row.past_held),
  };
}
