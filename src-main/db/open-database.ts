import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../migrations/index';
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

/** Opens (creating if needed) the centre's SQLite file, sets the pragmas and migrates it. */
export async function openDatabase(path: string): Promise<OpenDatabase> {
  const sqlite = new Sqlite(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL: an acknowledged booking or payment must survive a power cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 32 MiB of page cache: the whole client index of a large centre stays in memory.
    sqlite.pragma('cache_size = -32768');
    // Deleted rows (an erased client) are overwritten, not left in free pages.
    sqlite.pragma('secure_delete = ON');
    const db: Db = new Kysely({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const migration = await migrate(db, sqlite, migrations, (pending) => `${path}.before-${pending}.${stamp}.bak`);
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
