/**
 * Backups without the API, for the start-up problem screen (the live database may be damaged and
 * nothing has it open):
 *
 *   listBackupsIn(dataDir: string): Promise<BackupEntry[]>
 *     The backups in `<dataDir>/backups`, newest first, as recorded when each was made (not checked
 *     again). `dataDir` is the folder of mostrador.db.
 *
 *   restoreLatestGoodBackup(dbPath: string): Promise<RestoreReport>
 *     Checks the backups beside `dbPath` from the newest down and restores the first that is whole
 *     and of a schema this app knows. The current file (with its -wal) is first copied as it is into
 *     backups/ as kind before-restore, so "Deshacer la restauración" can put it back. The restored
 *     file keeps this desk's local settings when the current file still lets them be read, and gets
 *     a new desk id (see restore-backup.ts). Refuses with backup_damaged when no backup is usable.
 *     Call it with no connection open on `dbPath`, then open the API as usual.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { BackupEntry, RestoreReport } from '../../../src-shared/domain/backups';
import { AppError } from '../../errors/app-error';
import { backupFileName, backupsFolderOf, partialPathOf } from './backup-names';
import { readBackupFolder } from './backup-folder';
import { checkBackupFile } from './check-backup';
import { deskIdOf } from './desk-facts';
import { recordBackup } from './record-backup';
import type { DeskLocalSettings } from './restore-backup';
import { prepareRestoredFile, readDeskLocalSettings, replaceClosedDatabase } from './restore-backup';
import { writeUndoMarker } from './undo-marker';

export async function listBackupsIn(dataDir: string): Promise<BackupEntry[]> {
  return (await readBackupFolder(backupsFolderOf(dataDir), 'data')).map((b) => b.entry);
}

export async function restoreLatestGoodBackup(dbPath: string): Promise<RestoreReport> {
  const folder = backupsFolderOf(dirname(dbPath));
  const candidates = (await readBackupFolder(folder, 'data')).filter((b) => b.entry.state !== 'damaged');
  let chosen: { path: string; contents: RestoreReport['contents'] } | null = null;
  for (const { entry } of candidates) {
    const check = await checkBackupFile(entry.path);
    if (check.state === 'ok') {
      chosen = { path: entry.path, contents: check.contents };
      break;
    }
  }
  if (!chosen) throw new AppError('backup_damaged');

  const live = readLiveFacts(dbPath);
  const keptAside = existsSync(dbPath) ? await keepAsideAsItIs(dbPath, folder, live.deskId) : null;
  const prepared = partialPathOf(join(folder, `restoring-${Date.now()}.db`));
  try {
    await prepareRestoredFile(chosen.path, prepared, {
      pageSize: null,
      deskId: null,
      local: live.local,
      audit: { call: 'restoreLatestGoodBackup', staffId: null, at: new Date().toISOString(), changes: { restoredFrom: basename(chosen.path), keptAside: keptAside ? basename(keptAside) : null } },
    });
    await replaceClosedDatabase(dbPath, prepared);
  } finally {
    await rm(prepared, { force: true });
  }
  if (keptAside) await writeUndoMarker(folder, { at: new Date().toISOString(), restoredFrom: chosen.path, keptAside });
  return { restoredFrom: chosen.path, keptAside, contents: chosen.contents };
}

/** What can still be read of the current file: its desk's local settings and id (null where it is too damaged). */
function readLiveFacts(dbPath: string): { local: DeskLocalSettings | null; deskId: string | null } {
  if (!existsSync(dbPath)) return { local: null, deskId: null };
  try {
    const sqlite = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
    try {
      return { local: readDeskLocalSettings(sqlite), deskId: deskIdOf(sqlite) };
    } finally {
      sqlite.close();
    }
  } catch {
    return { local: null, deskId: null };
  }
}

/**
 * The current file copied as it is (nothing has it open, so the file and its -wal are consistent),
 * then folded into one file where SQLite can still open it; recorded like any backup, damaged or not.
 */
async function keepAsideAsItIs(dbPath: string, folder: string, deskId: string | null): Promise<string> {
  await mkdir(folder, { recursive: true });
  const at = new Date();
  const target = join(folder, backupFileName('before-restore', at));
  await copyFile(dbPath, target);
  if (existsSync(`${dbPath}-wal`)) await copyFile(`${dbPath}-wal`, `${target}-wal`);
  try {
    const copy = new Sqlite(target);
    try {
      copy.pragma('wal_checkpoint(TRUNCATE)');
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch {
    // Too damaged to fold: kept as the pair of files it was.
  }
  await recordBackup(target, { kind: 'before-restore', at, deskId, where: 'data' });
  return target;
}
