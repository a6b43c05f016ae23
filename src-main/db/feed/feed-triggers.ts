import type BetterSqlite3 from 'better-sqlite3';
import type { TableShape } from './table-shapes';
import { syncedTableShapes } from './table-shapes';

/**
 * The change feed is written by triggers generated from the schema: every insert, update and
 * delete of the centre's tables, whoever makes it (handlers, other triggers, cascades, start-up
 * jobs, migrations), lands in `feed` in the same transaction. Nothing has to remember to log.
 */

const quote = (name: string) => `"${name}"`;
const nowUtc = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
// Applying changes that came from elsewhere (a replay, another desk) pauses the feed.
const unpaused = 'NOT EXISTS (SELECT 1 FROM feed_paused)';

function rowId(table: TableShape, row: 'new' | 'old'): string {
  return `json_array(${table.primaryKey.map((c) => `${row}.${quote(c)}`).join(', ')})`;
}

/** `json_object('a', new."a", …)`: the whole row as JSON, its types kept (text, integer, real, null). */
export function rowJson(table: TableShape, row: string): string {
  return `json_object(${table.feedColumns.map((c) => `'${c}', ${row}.${quote(c)}`).join(', ')})`;
}

function feedInsert(table: TableShape, op: string, row: 'new' | 'old', data: string, subject: string): string {
  return `INSERT INTO feed (desk_id, at, tbl, row_id, op, data, subject_client_id)
  VALUES ((SELECT id FROM desk_identity), ${nowUtc}, '${table.name}', ${rowId(table, row)}, '${op}', ${data}, ${subject});`;
}

export function feedTriggerSql(table: TableShape): Record<string, string> {
  const subject = table.subjectClient ? table.subjectClient('new') : 'NULL';
  const changed = (c: string) => `new.${quote(c)} IS NOT old.${quote(c)}`;
  // Only the columns whose value changed, with their new values.
  const changedColumns = table.feedColumns.map((c) => `SELECT '${c}' AS k, new.${quote(c)} AS v WHERE ${changed(c)}`).join(' UNION ALL ');
  const name = (op: string) => `feed_${table.name}_${op}`;
  return {
    [name('insert')]: `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${quote(table.name)} WHEN ${unpaused} BEGIN
  ${feedInsert(table, 'insert', 'new', rowJson(table, 'new'), subject)}
END`,
    [name('update')]: `CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${quote(table.name)} WHEN ${unpaused} AND (${table.feedColumns.map(changed).join(' OR ')}) BEGIN
  ${feedInsert(table, 'update', 'old', `(SELECT json_group_object(k, v) FROM (${changedColumns}))`, subject)}
END`,
    // A tombstone: the row is named, nothing of it is kept.
    [name('delete')]: `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${quote(table.name)} WHEN ${unpaused} BEGIN
  ${feedInsert(table, 'delete', 'old', 'NULL', 'NULL')}
END`,
  };
}

/** Every feed trigger the schema needs, by name. */
export function expectedFeedTriggers(sqlite: BetterSqlite3.Database): Map<string, string> {
  const expected = new Map<string, string>();
  for (const table of syncedTableShapes(sqlite)) {
    for (const [name, sql] of Object.entries(feedTriggerSql(table))) expected.set(name, sql);
  }
  return expected;
}

/** What differs between the feed triggers present and those the schema needs. */
export function feedTriggerChanges(sqlite: BetterSqlite3.Database): { drop: string[]; create: string[] } {
  const expected = expectedFeedTriggers(sqlite);
  const present = new Map(
    (sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'feed\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[]).map(
      (t) => [t.name, t.sql],
    ),
  );
  return {
    drop: [...present].filter(([name, sql]) => expected.get(name) !== sql).map(([name]) => name),
    create: [...expected].filter(([name, sql]) => present.get(name) !== sql).map(([, sql]) => sql),
  };
}

/**
 * Makes the feed triggers exactly what the schema needs (after a migration added a column or a
 * table, or if one was dropped by hand). Runs inside the caller's transaction.
 */
export function syncFeedTriggers(sqlite: BetterSqlite3.Database): void {
  const { drop, create } = feedTriggerChanges(sqlite);
  for (const name of drop) sqlite.exec(`DROP TRIGGER ${quote(name)}`);
  for (const sql of create) sqlite.exec(sql);
}

/**
 * When the feed starts on a database that already holds the centre's data, its first entries are
 * every existing row as an insert, parents first: a replay of the feed is then the whole database.
 */
export function snapshotIntoFeed(sqlite: BetterSqlite3.Database): number {
  let rows = 0;
  for (const table of syncedTableShapes(sqlite)) {
    const subject = table.subjectClient ? table.subjectClient(quote(table.name)) : 'NULL';
    const keyJson = `json_array(${table.primaryKey.map((c) => `${quote(table.name)}.${quote(c)}`).join(', ')})`;
    rows += sqlite
      .prepare(
        `INSERT INTO feed (desk_id, at, tbl, row_id, op, data, subject_client_id)
         SELECT (SELECT id FROM desk_identity), ${nowUtc}, '${table.name}', ${keyJson}, 'insert', ${rowJson(table, quote(table.name))}, ${subject}
         FROM ${quote(table.name)} ORDER BY ${table.primaryKey.map(quote).join(', ')}`,
      )
      .run().changes;
  }
  return rows;
}
