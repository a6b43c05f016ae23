import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../../migrations/index';
import type { Database } from '../database';
import { ImmediateSqliteDialect } from '../immediate-dialect';
import { migrate } from '../migrate';
import { appendChange } from '../queries/change-log';

/** This desk's own settings: they stay as they are whatever file is restored. */
export interface DeskLocalSettings {
  name: string;
  backup_folder: string | null;
  update_url: string | null;
  update_channel: 'latest' | 'beta';
}

/** The desk's local settings in an open database, or null where they cannot be read (a damaged file). */
export function readDeskLocalSettings(sqlite: Sqlite.Database): DeskLocalSettings | null {
  try {
    return (sqlite.prepare('SELECT name, backup_folder, update_url, update_channel FROM desk_identity').get() as DeskLocalSettings | undefined) ?? null;
  } catch {
    return null;
  }
}

export interface PrepareOptions {
  /** The live database's page size: the prepared file must match it to be copied into a WAL database (null: keep the file's). */
  pageSize: number | null;
  /** null: the restored file gets a new desk id (see below); a string: it keeps that one. */
  deskId: string | null;
  local: DeskLocalSettings | null;
  /** The audit entry the restored file starts its new history with. */
  audit: { call: string; staffId: string | null; at: string; changes: Record<string, unknown> };
}

/**
 * Builds, in `target`, the file that will replace the live database: a copy of `source` (through
 * SQLite, so a WAL file's last commits come too), migrated to this app's schema, with this desk's
 * local settings and its desk id, and an audit entry naming the restore. The live database is not
 * touched until this file is complete.
 */
export async function prepareRestoredFile(source: string, target: string, options: PrepareOptions): Promise<string> {
  await rm(target, { force: true });
  const from = new Sqlite(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
  const sqlite = new Sqlite(target);
  sqlite.pragma('journal_mode = DELETE');
  if (options.pageSize !== null && Number(sqlite.pragma('page_size', { simple: true })) !== options.pageSize) {
    sqlite.pragma(`page_size = ${Math.trunc(options.pageSize)}`);
    sqlite.exec('VACUUM');
  }
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  try {
    await migrate(db, sqlite, migrations, () => null);
    // A restored file takes a new desk id: the sequence numbers of its feed were, past the backup's
    // point, already given once to changes this desk made after it (and may have been uploaded);
    // under a new id, a sync later never takes the restored history's continuation for those.
    // Undoing a restore puts the kept-aside file back with its own id, whose numbers are its own.
    const deskId = options.deskId ?? randomBytes(16).toString('hex');
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('desk_identity')
        .set({ id: deskId, ...(options.local ?? {}) })
        .execute();
      await appendChange(tx, {
        entity: 'database',
        entityId: 'centre',
        changes: options.audit.changes,
        call: options.audit.call,
        at: options.audit.at,
        staffId: options.audit.staffId,
        approvedBy: null,
        deskId,
      });
    });
    return deskId;
  } finally {
    await db.destroy();
  }
}

/**
 * Puts a prepared file into the live database through SQLite's backup API, in one step, on a
 * connection of its own: one write transaction, so every connection (this process's, another
 * window's host, a CLI) sees the old database or the new one, never a mix, and the live
 * connection stays open (its statements re-prepare on the new schema by themselves).
 */
export async function copyIntoLiveDatabase(live: Sqlite.Database, dbPath: string, prepared: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const from = new Sqlite(prepared, { readonly: true, fileMustExist: true });
  try {
    await from.backup(dbPath, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 0x7fffffff;
      },
    });
  } finally {
    from.close();
  }
  live.pragma('wal_checkpoint(TRUNCATE)');
}

/** Replaces a database no connection has open (the start-up problem screen): its WAL goes first, then the prepared file takes its name. */
export async function replaceClosedDatabase(dbPath: string, prepared: string): Promise<void> {
  // A stale -wal would be replayed onto the new file: it must go before the rename.
  for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${dbPath}${suffix}`, { force: true });
  await rename(prepared, dbPath);
}
