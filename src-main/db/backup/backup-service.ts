import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import type { BackupContents, BackupEntry, BackupKind, BackupProgress, BackupsOverview, RestoreReport } from '../../../src-shared/domain/backups';
import { dailyBackupDue } from '../../engine/backup/rotation';
import { AppError } from '../../errors/app-error';
import { backupFileName, backupsFolderOf, partialPathOf } from './backup-names';
import { ensureFolder, readBackupFolder, removePartials, rotateFolder } from './backup-folder';
import { deskIdOfFile, readDeskFacts } from './desk-facts';
import { writeOnlineBackup } from './online-backup';
import { recordBackup } from './record-backup';
import { copyIntoLiveDatabase, prepareRestoredFile, readDeskLocalSettings } from './restore-backup';
import { clearUndoMarker, readUndoMarker, writeUndoMarker } from './undo-marker';
import { usableBackup } from './usable-backup';

/** Who asked for a restore: its audit entry names them. */
export interface RestoredBy {
  staffId: string | null;
}

/** The backups this process makes and restores. One runs at a time; its progress lives here, in memory. */
export interface BackupService {
  /** Makes a backup now (the API's "Hacer copia ahora", the CLI); refuses with backup_running while another runs. */
  run(kind: BackupKind): Promise<BackupEntry>;
  /** The same for callers outside the API (the updater, before installing): waits for a backup in progress instead of refusing. */
  runNow(kind: BackupKind): Promise<BackupEntry>;
  /** The backup or restore in progress, or null. */
  progress(): BackupProgress | null;
  /** Every backup in the data folder and the second folder, newest first, with the settings and the undo. */
  list(): Promise<BackupsOverview>;
  /** What a file holds, or why it cannot be restored. */
  inspect(path: string): Promise<BackupContents>;
  /** Replaces the live database with a backup; the database as it was is kept aside first. */
  restore(path: string, by?: RestoredBy): Promise<RestoreReport>;
  /** Puts back the database the last restore kept aside. */
  undoRestore(by?: RestoredBy): Promise<RestoreReport>;
  /** The daily backup, when the newest regular one is a day old (the timer calls it every hour). */
  runDailyIfDue(): Promise<BackupEntry | null>;
  /** Stops the daily timer, waits for a backup in progress and, for the desktop app and the browser host, makes the closing backup. */
  close(): Promise<void>;
}

export interface BackupServiceOptions {
  /** The host's own open connection: the backup runs on it, so its writes are carried along. */
  sqlite: Sqlite.Database;
  dbPath: string;
  /** The folder of the database file; backups go to its backups/. */
  dataDir?: string;
  /** A fixed clock for tests. */
  now?: () => Date;
  /** A backup once a day while running (checked at start and hourly) and one when the app closes. */
  automatic?: boolean;
  /** Pages copied per step of the online backup. */
  stepPages?: number;
  /** Told after a restore replaced the database (the hosts refresh every page). */
  onReplaced?: () => void;
  log?: (message: string, error?: unknown) => void;
}

const hourMs = 3_600_000;

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { sqlite, dbPath } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(`[backups] ${message}`, error ?? ''));
  const folder = backupsFolderOf(options.dataDir ?? dirname(dbPath));
  let running: BackupProgress | null = null;
  let current: Promise<unknown> | null = null;
  let secondFolderFailedAt: string | null = null;
  let closing: Promise<void> | null = null;
  const timers: NodeJS.Timeout[] = [];

  if (options.automatic) {
    const daily = () => void runDailyIfDue().catch((error: unknown) => log('the daily backup failed', error));
    timers.push(setTimeout(daily, 5_000), setInterval(daily, hourMs));
    for (const timer of timers) timer.unref();
  }

  /** One backup or restore at a time: a second answers backup_running. */
  function exclusive<T>(kind: BackupProgress['kind'], work: () => Promise<T>): Promise<T> {
    if (current || closing) return Promise.reject(new AppError('backup_running'));
    running = { kind, phase: kind === 'restore' ? 'checking' : 'copying', pagesDone: 0, pagesTotal: 0, startedAt: now().toISOString() };
    const task = work().finally(() => {
      running = null;
      current = null;
    });
    current = task.catch(() => undefined);
    return task;
  }

  function phase(next: BackupProgress['phase']): void {
    if (running) running = { ...running, phase: next, pagesDone: 0, pagesTotal: 0 };
  }
  function pages(done: number, total: number): void {
    if (running) running = { ...running, pagesDone: done, pagesTotal: total };
  }

  async function pinned(): Promise<Set<string>> {
    const undo = await readUndoMarker(folder);
    return new Set(undo ? [undo.keptAside] : []);
  }

  /** Writes, checks and records a backup in the data folder, rotates it, and copies it to the second folder. */
  async function backupInto(kind: BackupKind, acceptDamaged = false): Promise<BackupEntry> {
    const at = now();
    const facts = readDeskFacts(sqlite);
    phase('copying');
    await mkdir(folder, { recursive: true });
    await removePartials(folder);
    const path = join(folder, backupFileName(kind, at));
    const partial = partialPathOf(path);
    try {
      await writeOnlineBackup(sqlite, partial, { stepPages: options.stepPages, onProgress: pages });
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      log(`the ${kind} backup could not be written`, error);
      throw new AppError('backup_failed');
    }
    phase('checking');
    const entry = await recordBackup(path, { kind, at, deskId: facts.deskId, where: 'data' }, now);
    await rotateFolder(folder, 'data', { now: at, timeZone: facts.timeZone, deskId: facts.deskId, pinned: await pinned() });
    if (entry.state !== 'ok') {
      log(`the ${kind} backup is damaged (${entry.problem ?? ''}): is the database itself damaged?`);
      if (!acceptDamaged) throw new AppError('backup_failed');
      return entry;
    }
    // The copy kept aside by a restore is for undoing it here; the second folder is for losing this machine.
    if (kind !== 'before-restore' && facts.secondFolder) await copyToSecondFolder(entry, facts);
    return entry;
  }

  /** A copy of a checked backup in the second folder (a closed file: a file copy is safe), checked again there. */
  async function copyToSecondFolder(entry: BackupEntry, facts: ReturnType<typeof readDeskFacts>): Promise<void> {
    const second = facts.secondFolder!;
    phase('second-folder');
    const target = join(second, entry.fileName);
    try {
      await ensureFolder(second);
      await copyFile(entry.path, partialPathOf(target));
      await rename(partialPathOf(target), target);
      const copy = await recordBackup(target, { kind: entry.kind, at: new Date(entry.at), deskId: facts.deskId, where: 'second' }, now);
      if (copy.state !== 'ok') throw new Error(`the copy in the second folder is damaged (${copy.problem ?? ''})`);
      await rotateFolder(second, 'second', { now: now(), timeZone: facts.timeZone, deskId: facts.deskId, pinned: new Set() });
      secondFolderFailedAt = null;
    } catch (error) {
      await rm(partialPathOf(target), { force: true }).catch(() => undefined);
      secondFolderFailedAt = now().toISOString();
      log(`the copy into the second folder ${second} failed`, error);
    }
  }

  /**
   * Replaces the live database with `source`: checked first; the live database is kept aside
   * (a backup of kind before-restore); the file is prepared aside (migrated, this desk's local
   * settings, its desk id, an audit entry) and then copied into the live database in one SQLite
   * transaction, with the connection staying open.
   */
  async function replaceWith(source: string, how: { deskId: 'new' | 'own'; call: string; by: RestoredBy | undefined }): Promise<RestoreReport> {
    phase('checking');
    const contents = await usableBackup(source);
    const keptAside = await backupInto('before-restore', true);
    phase('restoring');
    const prepared = partialPathOf(join(folder, `restoring-${Date.now()}.db`));
    try {
      const ownId = how.deskId === 'own' ? deskIdOfFile(source) : null;
      await prepareRestoredFile(source, prepared, {
        pageSize: Number(sqlite.pragma('page_size', { simple: true })),
        deskId: ownId,
        local: readDeskLocalSettings(sqlite),
        audit: { call: how.call, staffId: how.by?.staffId ?? null, at: now().toISOString(), changes: { restoredFrom: basename(source), keptAside: keptAside.fileName } },
      });
      await copyIntoLiveDatabase(sqlite, dbPath, prepared, pages);
      options.onReplaced?.();
      return { restoredFrom: source, keptAside: keptAside.path, contents };
    } finally {
      await rm(prepared, { force: true });
    }
  }

  async function runDailyIfDue(): Promise<BackupEntry | null> {
    if (current || closing) return null;
    const backups = (await readBackupFolder(folder, 'data')).filter((b) => b.checked);
    if (!dailyBackupDue(backups.map(({ entry }) => ({ at: entry.at, kind: entry.kind, usable: entry.state === 'ok' })), now())) return null;
    return exclusive('daily', () => backupInto('daily'));
  }

  return {
    run: (kind) => exclusive(kind, () => backupInto(kind)),

    async runNow(kind) {
      while (current) await current;
      return exclusive(kind, () => backupInto(kind));
    },

    progress: () => running,

    async list() {
      const facts = readDeskFacts(sqlite);
      const data = await readBackupFolder(folder, 'data');
      const second = facts.secondFolder ? await readBackupFolder(facts.secondFolder, 'second') : [];
      const undo = await readUndoMarker(folder);
      return {
        backups: [...data, ...second].map((b) => b.entry).sort((a, b) => b.at.localeCompare(a.at) || a.where.localeCompare(b.where)),
        dataFolder: folder,
        secondFolder: facts.secondFolder,
        secondFolderFailedAt,
        running,
        undo: undo && existsSync(undo.keptAside) ? undo : null,
      };
    },

    inspect: (path) => usableBackup(path),

    restore: (path, by) =>
      exclusive('restore', async () => {
        const report = await replaceWith(path, { deskId: 'new', call: 'backups.restore', by });
        await writeUndoMarker(folder, { at: now().toISOString(), restoredFrom: path, keptAside: report.keptAside! });
        return report;
      }),

    undoRestore: (by) =>
      exclusive('restore', async () => {
        const undo = await readUndoMarker(folder);
        if (!undo || !existsSync(undo.keptAside)) throw new AppError('nothing_to_undo');
        const report = await replaceWith(undo.keptAside, { deskId: 'own', call: 'backups.undoRestore', by });
        await clearUndoMarker(folder);
        return report;
      }),

    runDailyIfDue,

    close() {
      closing ??= (async () => {
        for (const timer of timers) clearTimeout(timer);
        while (current) await current;
        if (options.automatic) await backupInto('close').catch((error: unknown) => log('the closing backup failed', error));
      })();
      return closing;
    },
  };
}

