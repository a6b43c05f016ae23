import type Sqlite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { noteStatement } from './tables-read';

/** More distinct statements than the app has: a runaway (e.g. IN lists of every length) only resets the cache. */
const maxStatements = 2000;

/**
 * Kysely prepares every query it runs; preparing costs more than running a small indexed read.
 * The app issues a few hundred distinct SQL texts, so each is prepared once and reused
 * (SQLite re-prepares a cached statement by itself after a schema change).
 */
export function withStatementCache(sqlite: Sqlite.Database): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    prepare(sql) {
      noteStatement(sql);
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= maxStatements) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
