import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Migration } from '../../migrations/index';
import { AppError } from '../errors/app-error';
import type { Db } from './database';

export interface MigrationReport {
  applied: string[];
  /** Where the file was copied before migrating, when it held data. */
  backupPath: string | null;
}

/**
 * Applies the pending migrations in one transaction (SQLite's DDL is transactional; kysely's own
 * Migrator does not use that for SQLite). Refuses a database that a newer app has migrated.
 */
// A type alias, not an interface: kysely's withTables needs an index signature.
type MigrationTables = {
  schema_migrations: { name: string; applied_at: string };
};

export async function migrate(
  database: Db,
  sqlite: BetterSqlite3.Database,
  migrations: Record<string, Migration>,
  backupPathFor: (pending: string) => string | null,
): Promise<MigrationReport> {
  const db = database.withTables<MigrationTables>();
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`.execute(db);
  const applied = new Set(
    (await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name),
  );
  const known = Object.keys(migrations);
  const unknown = [...applied].filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new AppError('database_newer');
  const pending = known.filter((name) => !applied.has(name));
  if (pending.length === 0) return { applied: [], backupPath: null };

  const backupPath = applied.size > 0 ? backupPathFor(pending[0]!) : null;
  if (backupPath) sqlite.prepare('VACUUM INTO ?').run(backupPath);

  await db.transaction().execute(async (trx) => {
    for (const name of pending) {
      await migrations[name]!.up(trx);
      await trx.insertInto('schema_migrations').values({ name, applied_at: new Date().toISOString() }).execute();
    }
  });
  return { applied: pending, backupPath };
}
