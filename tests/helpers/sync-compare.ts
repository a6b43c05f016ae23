import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { expect } from 'vitest';
import { syncedTableShapes } from '../../src-main/db/feed/table-shapes';
import type { SyncedDesk } from './sync-desks';
import type { ServerRow } from './test-cloud';
import { serverRows } from './test-cloud';

/**
 * Desks and the server hold the same centre: every synced table (migrations/synced-schema.json, the
 * feed's columns only: local and derived columns are each desk's own) compared row by row.
 *
 *   await syncAll([a, b]);                    // everyone uploads, then everyone downloads
 *   await expectConverged(cloud, [a, b]);     // or { 'Recepción A': a, … } for named failures
 *
 * Both sides are read as the feed writes rows (SQLite's json_object, so integers stay integers and
 * reals reals), keyed by the primary key's JSON (json_array, the server's row_id); a column absent
 * on one side counts as null; tables with no rows are left out.
 */
export type Tables = Record<string, Record<string, ServerRow>>;

/** One desk's synced rows: table → row_id → row. */
export function deskRows(sqlite: BetterSqlite3.Database): Tables {
  const tables: Tables = {};
  for (const shape of syncedTableShapes(sqlite)) {
    const key = `json_array(${shape.primaryKey.map((c) => `"${c}"`).join(', ')})`;
    const data = `json_object(${shape.feedColumns.map((c) => `'${c}', "${c}"`).join(', ')})`;
    const rows = sqlite.prepare(`SELECT ${key} AS rowId, ${data} AS data FROM "${shape.name}"`).all() as { rowId: string; data: string }[];
    if (rows.length === 0) continue;
    tables[shape.name] = Object.fromEntries(rows.map((row) => [row.rowId, JSON.parse(row.data) as ServerRow]));
  }
  return normalise(tables);
}

/** The server's copy, in the same shape. */
export async function serverTables(pool: pg.Pool, centreId: string): Promise<Tables> {
  const result = await pool.query<{ tbl: string; row_id: string; data: ServerRow }>('SELECT tbl, row_id, data FROM rows WHERE centre_id = $1', [centreId]);
  const tables: Tables = {};
  for (const row of result.rows) (tables[row.tbl] ??= {})[row.row_id] = row.data;
  return normalise(tables);
}

/** Keys sorted, undefined and null alike (so a diff reads in a stable order). */
function normalise(tables: Tables): Tables {
  const columns: Record<string, Set<string>> = {};
  for (const [table, rows] of Object.entries(tables)) for (const row of Object.values(rows)) for (const c of Object.keys(row)) (columns[table] ??= new Set()).add(c);
  const out: Tables = {};
  for (const table of Object.keys(tables).sort()) {
    const names = [...(columns[table] ?? [])].sort();
    const rows: Record<string, ServerRow> = {};
    for (const rowId of Object.keys(tables[table]!).sort()) {
      const row = tables[table]![rowId]!;
      rows[rowId] = Object.fromEntries(names.map((c) => [c, row[c] ?? null]));
    }
    out[table] = rows;
  }
  return out;
}

/** Every desk uploads, then every desk downloads (twice over, so what one desk's push made the server write reaches all). */
export async function syncAll(desks: readonly SyncedDesk[] | Record<string, SyncedDesk>, rounds = 2): Promise<void> {
  const list = Array.isArray(desks) ? desks : Object.values(desks);
  for (let round = 0; round < rounds; round++) for (const desk of list) await desk.sync();
}

/** Asserts that each desk's synced tables equal the server's copy (which serverRows also reads). */
export async function expectConverged(cloud: { pool: pg.Pool; centreId: string }, desks: readonly SyncedDesk[] | Record<string, SyncedDesk>): Promise<Tables> {
  const named = Array.isArray(desks) ? desks.map((desk, i) => [`desk ${i}`, desk] as const) : Object.entries(desks);
  const server = await serverTables(cloud.pool, cloud.centreId);
  // The helper reads what serverRows reads: the same tables hold rows.
  expect(Object.keys(server)).toEqual(Object.keys(await serverRows(cloud.pool, cloud.centreId)).sort());
  for (const [name, desk] of named) {
    const status = await desk.host.invoke('sync.status', {});
    const waiting = status.ok ? (status.value as { waiting?: number }).waiting : undefined;
    expect(waiting, `${name}: changes still waiting to upload`).toBe(0);
    expect(deskRows(desk.host.database.sqlite), `${name} differs from the server`).toEqual(server);
  }
  return server;
}

/**
 * The server holds each desk's feed entries at most once (none twice, none the desk did not write),
 * and its upload cursor for the desk is the desk's last entry. `complete`: every entry is in the
 * server's log or in a group it refused (true unless the merge rules drop some: an update of a row
 * another desk deleted, a change about an erased client).
 */
export async function expectAppliedOnce(
  cloud: { pool: pg.Pool; centreId: string },
  desks: readonly SyncedDesk[] | Record<string, SyncedDesk>,
  options: { complete?: boolean } = {},
): Promise<void> {
  const named = Array.isArray(desks) ? desks.map((desk, i) => [`desk ${i}`, desk] as const) : Object.entries(desks);
  for (const [name, desk] of named) {
    const sqlite = desk.host.database.sqlite;
    const deskId = String(sqlite.prepare('SELECT id FROM desk_identity').pluck().get());
    const feed = (sqlite.prepare('SELECT seq FROM feed WHERE desk_id = ? ORDER BY seq').pluck().all(deskId) as number[]).map(Number);
    const logged = (
      await cloud.pool.query<{ desk_seq: string }>('SELECT desk_seq FROM changes WHERE centre_id = $1 AND desk_id = $2 AND desk_seq IS NOT NULL ORDER BY server_seq', [cloud.centreId, deskId])
    ).rows.map((r) => Number(r.desk_seq));
    const refused = (await cloud.pool.query<{ first_seq: string; last_seq: string }>('SELECT first_seq, last_seq FROM refusals WHERE centre_id = $1 AND desk_id = $2', [cloud.centreId, deskId])).rows;
    const twice = logged.filter((seq, i) => logged.indexOf(seq) !== i);
    expect(twice, `${name}: entries the server applied more than once`).toEqual([]);
    const settled = new Set(logged);
    for (const r of refused) for (let seq = Number(r.first_seq); seq <= Number(r.last_seq); seq++) settled.add(seq);
    const written = new Set(feed);
    expect([...settled].filter((seq) => !written.has(seq)), `${name}: entries on the server the desk never wrote`).toEqual([]);
    if (options.complete ?? true) expect(feed.filter((seq) => !settled.has(seq)), `${name}: entries of the desk's feed missing on the server`).toEqual([]);
    const cursor = await cloud.pool.query<{ applied_through: string }>('SELECT applied_through FROM desks WHERE centre_id = $1 AND desk_id = $2', [cloud.centreId, deskId]);
    expect(Number(cursor.rows[0]?.applied_through ?? 0), `${name}: the server's upload cursor`).toBe(feed.at(-1) ?? 0);
  }
}
