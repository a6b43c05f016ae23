import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';

/**
 * Pages copied per step. Between steps the event loop runs, so a booking made meanwhile waits at
 * most one step: 64 pages of 4 KiB, a fraction of a millisecond. On the 3-year bench database
 * (243 MB) 32, 64, 128 and 256 pages all copy it in the same time, and sessions.book's p95 while
 * copying is 2.1, 2.3, 6.0 and 4.3 ms (tests/bench/backup.bench.ts: sessions.book.during_backup).
 */
export const defaultStepPages = 64;

export interface OnlineBackupOptions {
  stepPages?: number;
  onProgress?: (pagesDone: number, pagesTotal: number) => void;
}

/**
 * Copies the open database into `target` with SQLite's online backup API, on the caller's own
 * connection: a write this connection makes meanwhile is carried into the copy at once, so the copy
 * never starts over and is the database as it is when the last step ends (a write from another
 * process restarts it). The copy is then made a plain rollback-journal file, whole by itself.
 * Never a file copy of a live database (that can catch a half-written transaction or miss the WAL).
 */
export async function writeOnlineBackup(sqlite: Sqlite.Database, target: string, options: OnlineBackupOptions = {}): Promise<void> {
  const stepPages = options.stepPages ?? defaultStepPages;
  await mkdir(dirname(target), { recursive: true });
  await rm(target, { force: true });
  await sqlite.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      options.onProgress?.(totalPages - remainingPages, totalPages);
      return stepPages;
    },
  });
  // The copy of a WAL database says "WAL" in its header: make it one file that opens read-only anywhere.
  const copy = new Sqlite(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
