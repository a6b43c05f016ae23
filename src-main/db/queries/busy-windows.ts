import { sql } from 'kysely';
import type { BusyInterval } from '../../engine/appointments/free-slots';
import type { ReadDb } from '../database';
import { readRaw } from '../database';
import type { BusyRow } from './busy-times';
import { busyByStaff, epochMs } from './busy-times';

/**
 * How long before a window an interval overlapping it can start: an appointment blocks at most its length
 * (≤ 24 h) and both buffers (≤ 4 h each), an occurrence lasts at most 24 h (an hour more across a clock
 * change). Every entry in the look-back is read, so it is kept as short as those bounds allow.
 */
const appointmentLookBackMs = 33 * 3_600_000;
const occurrenceLookBackMs = 26 * 3_600_000;

/** [from, to) in epoch milliseconds. */
export interface TimeWindow {
  from: number;
  to: number;
}

/**
 * The busy intervals of some professionals that overlap any of a few short windows, in ONE query: one
 * index range per window and professional (appointments by (staff_id, blocked_from), occurrences by
 * (organizer_id, starts_at)), so "is anyone else free at these few starts?" reads only around them.
 * `windows` sorted and disjoint (windowsAround). A few intervals that only come near a window may come
 * too: busy times are facts, an extra one changes nothing. Sorted by start, per professional.
 */
export async function readBusyInWindows(
  db: ReadDb,
  staffIds: readonly string[],
  windows: readonly TimeWindow[],
  exceptAppointmentId?: string,
): Promise<Map<string, BusyInterval[]>> {
  if (staffIds.length === 0 || windows.length === 0) return new Map();
  const iso = (ms: number) => new Date(ms).toISOString();
  // Each window's look-back starts no earlier than the previous window's end: the ranges read never
  // overlap. What starts before that end and reaches a later window ends after the previous window's
  // start too, so that window's range returns it.
  const low = (w: TimeWindow, i: number, lookBackMs: number) => iso(Math.max(w.from - lookBackMs, i > 0 ? windows[i - 1]!.to : -Infinity));
  const bounds = JSON.stringify(windows.map((w, i) => [low(w, i, appointmentLookBackMs), low(w, i, occurrenceLookBackMs), iso(w.from), iso(w.to)]));
  const staff = sql.join([...new Set(staffIds)]);
  const except = exceptAppointmentId === undefined ? sql`` : sql`AND a.id != ${exceptAppointmentId}`;
  // CROSS JOIN keeps the windows outside: each is a range seek per professional. The literal status term
  // lets SQLite use the partial index appointments_staff_busy (covering).
  const rows = await readRaw(
    db,
    sql<BusyRow>`
    WITH w(low, occurrence_low, f, t) AS (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${bounds}))
    SELECT a.staff_id AS staff_id, ${epochMs(sql.ref('a.blocked_from'))} AS from_ms, ${epochMs(sql.ref('a.blocked_until'))} AS to_ms
      FROM w CROSS JOIN appointments a
     WHERE a.staff_id IN (${staff}) AND a.status != 'cancelled'
       AND a.blocked_from >= w.low AND a.blocked_from < w.t AND a.blocked_until > w.f ${except}
    UNION ALL
    SELECT o.organizer_id, ${epochMs(sql.ref('o.starts_at'))}, ${epochMs(sql.ref('o.ends_at'))}
      FROM w CROSS JOIN occurrences o
     WHERE o.organizer_id IN (${staff}) AND o.status = 'scheduled' AND o.series_id NOT IN (SELECT id FROM series WHERE kind = 'reminder')
       AND o.starts_at >= w.occurrence_low AND o.starts_at < w.t AND o.ends_at > w.f`,
  );
  return busyByStaff(rows);
}
