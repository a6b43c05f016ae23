import { sql } from 'kysely';
import type { BusyInterval } from '../../engine/appointments/free-slots';
import type { ReadDb } from '../database';
import { readRaw } from '../database';

/**
 * How far before a window an interval overlapping it can start: an appointment blocks at most its
 * length (≤ 24 h) plus both buffers (≤ 4 h each), an occurrence at most a day.
 */
const lookBackMs = 2 * 86_400_000;

export interface BusyWindow {
  /** ISO UTC instants: intervals overlapping [fromIso, toIso) are read. */
  fromIso: string;
  toIso: string;
  /** An appointment that does not count (the one being moved). */
  exceptAppointmentId?: string;
}

/**
 * The busy intervals of some professionals in a window, in ONE indexed query: their appointments
 * that still hold time (with buffers, by (staff_id, blocked_from)) and the occurrences they organise
 * of sessions, meetings and private events (by (organizer_id, starts_at)); reminders never block.
 * Sorted by start, per professional.
 */
export async function readBusyIntervals(db: ReadDb, staffIds: readonly string[], window: BusyWindow): Promise<Map<string, BusyInterval[]>> {
  if (staffIds.length === 0) return new Map();
  return busyByStaff(await readRaw(db, busyIntervalsQuery(staffIds, window)));
}

/** A busy interval as read: epoch milliseconds. */
export interface BusyRow {
  staff_id: string;
  from_ms: number;
  to_ms: number;
}

/**
 * An ISO instant column as epoch milliseconds, converted by SQLite: busy times are read by the
 * tens of thousands per "any professional" search, and SQLite converts them faster than Date.parse.
 */
export function epochMs(column: ReturnType<typeof sql.ref>) {
  return sql<number>`CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER)`;
}

/** Busy rows as intervals per professional, each list sorted by start. */
export function busyByStaff(rows: readonly BusyRow[]): Map<string, BusyInterval[]> {
  const byStaff = new Map<string, BusyInterval[]>();
  for (const row of rows) {
    const interval = { from: row.from_ms, to: row.to_ms };
    const list = byStaff.get(row.staff_id);
    if (list) list.push(interval);
    else byStaff.set(row.staff_id, [interval]);
  }
  for (const list of byStaff.values()) list.sort((a, b) => a.from - b.from || a.to - b.to);
  return byStaff;
}

/**
 * readBusyIntervals' statement (exported for its plan test): both halves are read from covering
 * indexes (migration 0021), reminders told apart by series id without reading the series of each row.
 */
export function busyIntervalsQuery(staffIds: readonly string[], window: BusyWindow) {
  const { fromIso, toIso } = window;
  const lowIso = new Date(Date.parse(fromIso) - lookBackMs).toISOString();
  const staff = sql.join([...new Set(staffIds)]);
  const except = window.exceptAppointmentId === undefined ? sql`` : sql`AND a.id != ${window.exceptAppointmentId}`;
  // The literal status terms let SQLite use the partial indexes.
  return sql<BusyRow>`
    SELECT a.staff_id AS staff_id, ${epochMs(sql.ref('a.blocked_from'))} AS from_ms, ${epochMs(sql.ref('a.blocked_until'))} AS to_ms
      FROM appointments a
     WHERE a.staff_id IN (${staff}) AND a.status != 'cancelled'
       AND a.blocked_from >= ${lowIso} AND a.blocked_from < ${toIso} AND a.blocked_until > ${fromIso} ${except}
    UNION ALL
    SELECT o.organizer_id, ${epochMs(sql.ref('o.starts_at'))}, ${epochMs(sql.ref('o.ends_at'))}
      FROM occurrences o
     WHERE o.organizer_id IN (${staff}) AND o.status = 'scheduled' AND o.series_id NOT IN (SELECT id FROM series WHERE kind = 'reminder')
       AND o.starts_at >= ${lowIso} AND o.starts_at < ${toIso} AND o.ends_at > ${fromIso}`;
}
