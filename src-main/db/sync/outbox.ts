import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { WireChange } from '../../../src-shared/sync/protocol';
import type { ReadDb } from '../database';

export interface OutboxBatch {
  changes: WireChange[];
  /** Groups of more than one entry inside the batch. */
  groups: [number, number][];
}

/**
 * The next entries of this desk's feed to upload, after `pushedThrough`, in order. A batch never
 * ends inside a group (what one write did is judged as a whole), unless the group alone is larger
 * than a batch. An entry an erasure emptied is sent as the deletion it now amounts to: its row is
 * gone, and nothing of it may leave the desk.
 */
export function readOutbox(sqlite: BetterSqlite3.Database, pushedThrough: number, limit: number): OutboxBatch {
  const rows = sqlite.prepare('SELECT seq, at, tbl, row_id, op, data, subject_client_id FROM feed WHERE seq > ? ORDER BY seq LIMIT ?').all(pushedThrough, limit) as {
    seq: number;
    at: string;
    tbl: string;
    row_id: string;
    op: WireChange['op'];
    data: string | null;
    subject_client_id: string | null;
  }[];
  if (rows.length === 0) return { changes: [], groups: [] };
  const first = rows[0]!.seq;
  let last = rows[rows.length - 1]!.seq;
  const groups = (sqlite.prepare('SELECT first_seq, last_seq FROM feed_groups WHERE last_seq >= ? AND first_seq <= ? ORDER BY first_seq').all(first, last) as {
    first_seq: number;
    last_seq: number;
  }[]).map((g): [number, number] => [Math.max(g.first_seq, first), g.last_seq]);
  const cut = groups.at(-1);
  if (cut && cut[1] > last && cut[0] > first) {
    last = cut[0] - 1;
    groups.pop();
  }
  const changes = rows.filter((row) => row.seq <= last).map(toWire);
  return { changes, groups: groups.map(([a, b]): [number, number] => [a, Math.min(b, last)]).filter(([a, b]) => b > a) };
}

function toWire(row: { seq: number; at: string; tbl: string; row_id: string; op: WireChange['op']; data: string | null; subject_client_id: string | null }): WireChange {
  const emptied = (row.op === 'insert' || row.op === 'update') && row.data === null;
  return {
    seq: row.seq,
    at: row.at,
    tbl: row.tbl,
    rowId: row.row_id,
    op: emptied ? 'delete' : row.op,
    data: row.data === null ? null : (JSON.parse(row.data) as WireChange['data']),
    subject: row.subject_client_id,
  };
}

/** Feed entries not yet settled by the server (for handlers: through kysely, never inside an open transaction). */
export async function countWaiting(db: ReadDb): Promise<number> {
  const row = await db
    .selectFrom('feed')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '>', (eb) => eb.selectFrom('sync_state').select('pushed_through'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Bookings and appointments with changes the server has not settled yet: "pendiente de confirmar". */
export async function readProvisionalRows(db: ReadDb): Promise<{ bookings: string[]; appointments: string[] }> {
  const rows = await db
    .selectFrom('feed')
    .select(['tbl', sql<string>`json_extract(row_id, '$[0]')`.as('id')])
    .distinct()
    .where('seq', '>', (eb) => eb.selectFrom('sync_state').select('pushed_through'))
    .where('tbl', 'in', ['bookings', 'appointments'])
    .where('op', '!=', 'delete')
    .execute();
  return {
    bookings: rows.filter((r) => r.tbl === 'bookings').map((r) => r.id),
    appointments: rows.filter((r) => r.tbl === 'appointments').map((r) => r.id),
  };
}
