import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Migration } from '../../migrations/index';
import { AppError } from '../errors/app-error';
import { writeOnlineBackup } from './backup/online-backup';
import type { Db } from './database';
import { feedTriggerChanges, snapshotIntoFeed, syncFeedTriggers } from './feed/feed-triggers';

export interface MigrationReport {
  applied: string[];
  /** Where the file was copied before migrating, when it held data (a backup of kind before-migration). */
  backupPath: string | null;
}

/**
 * Applies the pending migrations in one transaction (SQLite's DDL is transactional; kysely's own
 * Migrator does not use that for SQLite). Refuses a database that a newer app has migrated.
 * Afterwards the change feed's triggers are made to match the schema, in the same transaction.
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
  if (pending.length === 0) {
    // A trigger dropped or changed by hand is put back: the feed never silently misses a table.
    const changes = hasFeed(sqlite) ? feedTriggerChanges(sqlite) : { drop: [], create: [] };
    if (changes.drop.length + changes.create.length > 0) {
      await database.transaction().execute(async () => syncFeedTriggers(sqlite));
    }
    return { applied: [], backupPath: null };
  }

  // The copy before migrating: SQLite's online backup of this not-yet-migrated connection.
  const backupPath = applied.size > 0 ? backupPathFor(pending[0]!) : null;
  if (backupPath) await writeOnlineBackup(sqlite, backupPath);

  const feedBefore = hasFeed(sqlite);
  // A migration may rebuild a table (SQLite's way to change a constraint): foreign keys are
  // checked once at the end instead, as SQLite's documentation prescribes. The pragma is a no-op
  // inside a transaction, so it is set around it.
  sqlite.pragma('foreign_keys = OFF');
  try {
    await db.transaction().execute(async (trx) => {
      for (const name of pending) {
        await migrations[name]!.up(trx);
        await trx.insertInto('schema_migrations').values({ name, applied_at: new Date().toISOString() }).execute();
      }
      if ((sqlite.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('a migration left rows whose references do not exist');
      if (hasFeed(sqlite)) {
        syncFeedTriggers(sqlite);
        if (!feedBefore && applied.size > 0) snapshotIntoFeed(sqlite);
      }
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending, backupPath };
}

function hasFeed(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'feed'").get() !== undefined;
}
