import type BetterSqlite3 from 'better-sqlite3';

const byConnection = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The statement for `sql` on this connection, prepared once: the write path runs the same few
 * raw statements (feed position, feed groups) on every commit, and preparing costs more than running them.
 * SQLite re-prepares a kept statement by itself after a schema change.
 */
export function preparedOn(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = byConnection.get(sqlite);
  if (!statements) byConnection.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
