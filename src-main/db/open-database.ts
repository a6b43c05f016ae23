import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../migrations/index';
import { beforeMigrationBackup } from './backup/before-migration';
import type { Db } from './database';
import { ImmediateSqliteDialect } from './immediate-dialect';
import type { MigrationReport } from './migrate';
import { withStatementCache } from './statement-cache';
import { migrate } from './migrate';

export interface OpenDatabase {
  db: Db;
  sqlite: Sqlite.Database;
  path: string;
  migration: MigrationReport;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** How long a write waits for another desk's transaction before answering database_busy (5 s unless told). */
  busyTimeoutMs?: number;
  /** Runs on the opened connection before migrating (start-up checks: integrity, the schema's version). */
  beforeMigrate?: (sqlite: Sqlite.Database) => void;
}

/** The app's connection settings (also what the commit-floor bench opens its raw file with). */
export function setConnectionPragmas(sqlite: Sqlite.Database, busyTimeoutMs: number): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged booking or payment must survive a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // 32 MiB of page cache: the whole client index of a large centre stays in memory.
  sqlite.pragma('cache_size = -32768');
  // Deleted rows (an erased client) are overwritten, not left in free pages.
  sqlite.pragma('secure_delete = ON');
}

/** Opens (creating if needed) the centre's SQLite file, sets the pragmas and migrates it. */
export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  // Set on the constructor so that it holds for the very first statement too (another program may hold the file).
  const busyTimeout = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000));
  const sqlite = new Sqlite(path, { timeout: busyTimeout });
  try {
    setConnectionPragmas(sqlite, busyTimeout);
    options.beforeMigrate?.(sqlite);
    const db: Db = new Kysely({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite), inTransaction: () => sqlite.inTransaction }),
    });
    const backup = beforeMigrationBackup(path);
    const migration = await migrate(db, sqlite, migrations, backup.pathFor).finally(() => backup.record(sqlite));
    return {
      db,
      sqlite,
      path,
      migration,
      close: async () => {
        await db.destroy();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
