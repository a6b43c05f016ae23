import { sql, type SelectQueryBuilder } from 'kysely';
import type { EventKind } from '../../../src-shared/domain/agenda';
import type { Database, ReadDb } from '../database';
import { precompiledByShape } from '../precompiled-shape';

/**
 * The month view's day pages: per local day, the first entries in time order and a capped count,
 * each one short range of appointments_day_start / occurrences_day_start (migration 0019), all days
 * in one statement. The partial conditions are written as literals so SQLite may use those indexes.
 */

// A type, not an interface: precompiledByShape takes plain data.
export type DayPageFilter = {
  /** Only these professionals; all when absent. */
  staffIds?: readonly string[];
  /** Only occurrences of these kinds; all when absent. */
  kinds?: readonly EventKind[];
  /** Only occurrences of a recurring series (true) or of a one-off (false); both when absent. */
  recurring?: boolean;
};

/** One entry of a day's page: its rowid (on the index entry: no row read) and the day it counts on. */
export interface DayPageRow {
  row: number;
  local_date: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the arms differ only in their FROM; a union needs them as one type.
type AnyQuery = SelectQueryBuilder<Database, any, any>;

function unionAll<Q extends AnyQuery>(arms: Q[]): Q {
  return arms.slice(1).reduce((all, arm) => all.unionAll(arm) as Q, arms[0]!);
}

function liveAppointmentsOn(db: ReadDb, date: string, filter: DayPageFilter) {
  let query = db.selectFrom('appointments as a').where('a.local_date', '=', date).where(sql<boolean>`a.status != 'cancelled'`);
  if (filter.staffIds) query = query.where('a.staff_id', 'in', filter.staffIds.length > 0 ? filter.staffIds : ['']);
  return query;
}

function scheduledOccurrencesOn(db: ReadDb, date: string, filter: DayPageFilter) {
  let query = db.selectFrom('occurrences as o').where('o.local_date', '=', date).where(sql<boolean>`o.status = 'scheduled'`);
  if (filter.staffIds) query = query.where('o.organizer_id', 'in', filter.staffIds.length > 0 ? filter.staffIds : ['']);
  // Kind and recurrence live on the series: one lookup by its key per entry read, only when filtered.
  const { kinds, recurring } = filter;
  if (kinds === undefined && recurring === undefined) return query;
  let joined = query.innerJoin('series as s', 's.id', 'o.series_id');
  if (kinds) joined = joined.where('s.kind', 'in', kinds);
  if (recurring !== undefined) joined = joined.where(recurring ? sql<boolean>`s.rrule IS NOT NULL` : sql<boolean>`s.rrule IS NULL`);
  return joined as unknown as typeof query;
}

/** The first `perDay` live appointments of each date, by start. Exported for the plan test. */
export function appointmentPagesQuery(db: ReadDb, dates: readonly string[], perDay: number, filter: DayPageFilter) {
  return unionAll(
    dates.map((date, i) =>
      db.selectFrom(liveAppointmentsOn(db, date, filter).select([sql<number>`a.rowid`.as('row'), 'a.local_date']).orderBy('a.starts_at').limit(perDay).as(`p${i}`)).selectAll(),
    ),
  );
}

/** The first `perDay` scheduled occurrences of each date, by start. Exported for the plan test. */
export function occurrencePagesQuery(db: ReadDb, dates: readonly string[], perDay: number, filter: DayPageFilter) {
  return unionAll(
    dates.map((date, i) =>
      db.selectFrom(scheduledOccurrencesOn(db, date, filter).select([sql<number>`o.rowid`.as('row'), 'o.local_date']).orderBy('o.starts_at').limit(perDay).as(`p${i}`)).selectAll(),
    ),
  );
}

/** One "date, count(*)" row per arm, each arm read up to `cap` entries. */
function countsOf(db: ReadDb, arms: { date: string; entries: AnyQuery }[], cap: number) {
  return unionAll(
    arms.map(({ date, entries }, i) =>
      db.selectFrom(entries.limit(cap).as(`c${i}`)).select([sql<string>`${date}`.as('date'), sql<number>`count(*)`.as('n')]),
    ),
  );
}

/** How many live appointments each date holds, each counted up to `cap` (at most `cap` index entries read). Exported for the plan test. */
export function appointmentCountsQuery(db: ReadDb, dates: readonly string[], cap: number, filter: DayPageFilter) {
  return countsOf(
    db,
    dates.map((date) => ({ date, entries: liveAppointmentsOn(db, date, filter).select(sql<number>`1`.as('one')) })),
    cap,
  );
}

/** How many scheduled occurrences each date holds, each counted up to `cap`. Exported for the plan test. */
export function occurrenceCountsQuery(db: ReadDb, dates: readonly string[], cap: number, filter: DayPageFilter) {
  return countsOf(
    db,
    dates.map((date) => ({ date, entries: scheduledOccurrencesOn(db, date, filter).select(sql<number>`1`.as('one')) })),
    cap,
  );
}

type PageInput = { dates: readonly string[]; perDay: number; filter: DayPageFilter };
type CountInput = { dates: readonly string[]; cap: number; filter: DayPageFilter };

// Built once per shape (days asked for, filters): a month's union costs as much to compile as to run.
const appointmentPages = precompiledByShape((db, p: PageInput) => appointmentPagesQuery(db, p.dates, p.perDay, p.filter));
const occurrencePages = precompiledByShape((db, p: PageInput) => occurrencePagesQuery(db, p.dates, p.perDay, p.filter));
const appointmentCounts = precompiledByShape((db, p: CountInput) => appointmentCountsQuery(db, p.dates, p.cap, p.filter));
const occurrenceCounts = precompiledByShape((db, p: CountInput) => occurrenceCountsQuery(db, p.dates, p.cap, p.filter));

export async function appointmentDayPages(db: ReadDb, dates: readonly string[], perDay: number, filter: DayPageFilter): Promise<DayPageRow[]> {
  return dates.length === 0 ? [] : appointmentPages(db, { dates, perDay, filter });
}

export async function occurrenceDayPages(db: ReadDb, dates: readonly string[], perDay: number, filter: DayPageFilter): Promise<DayPageRow[]> {
  return dates.length === 0 ? [] : occurrencePages(db, { dates, perDay, filter });
}

const countMap = (rows: { date: string; n: number }[]) => new Map(rows.map((r) => [r.date, Number(r.n)]));

export async function countAppointmentsOn(db: ReadDb, dates: readonly string[], cap: number, filter: DayPageFilter): Promise<Map<string, number>> {
  return countMap(dates.length === 0 ? [] : await appointmentCounts(db, { dates, cap, filter }));
}

export async function countOccurrencesOn(db: ReadDb, dates: readonly string[], cap: number, filter: DayPageFilter): Promise<Map<string, number>> {
  return countMap(dates.length === 0 ? [] : await occurrenceCounts(db, { dates, cap, filter }));
}
