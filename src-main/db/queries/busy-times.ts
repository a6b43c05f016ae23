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
  const byStaff = new Map<string, BusyInterval[]>();
  if (staffIds.length === 0) return byStaff;
  const { fromIso, toIso } = window;
  const lowIso = new Date(Date.parse(fromIso) - lookBackMs).toISOString();
  const staff = sql.join([...new Set(staffIds)]);
  const except = window.exceptAppointmentId === undefined ? sql`` : sql`AND a.id != ${window.exceptAppointmentId}`;
  // The literal status term lets SQLite use the partial index appointments_staff_blocked.
  const rows = await readRaw(
    db,
    sql<{ staff_id: string; from_at: string; to_at: string }>`
    SELECT a.staff_id AS staff_id, a.blocked_from AS from_at, a.blocked_until AS to_at
      FROM appointments a
     WHERE a.staff_id IN (${staff}) AND a.status != 'cancelled'
       AND a.blocked_from >= ${lowIso} AND a.blocked_from < ${toIso} AND a.blocked_until > ${fromIso} ${except}
    UNION ALL
    SELECT o.organizer_id, o.starts_at, o.ends_at
      FROM occurrences o JOIN series s ON s.id = o.series_id
     WHERE o.organizer_id IN (${staff}) AND o.status = 'scheduled' AND s.kind != 'reminder'
       AND o.starts_at >= ${lowIso} AND o.starts_at < ${toIso} AND o.ends_at > ${fromIso}`,
  );
  for (const row of rows) {
    const interval = { from: Date.parse(row.from_at), to: Date.parse(row.to_at) };
    const list = byStaff.get(row.staff_id);
    if (list) list.push(interval);
    else byStaff.set(row.staff_id, [interval]);
  }
  for (const list of byStaff.values()) list.sort((a, b) => a.from - b.from || a.to - b.to);
  return byStaff;
}
