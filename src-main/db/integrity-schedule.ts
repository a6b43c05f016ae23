import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/**
 * When the start-up quick_check may be skipped. It reads every page (about a second per 100,000
 * clients), so running it at every open made opening grow with the centre. It still runs whenever
 * the file may have changed outside this app since it last closed it cleanly:
 *  - no record of a clean close beside the file (a new file, a copy, another folder);
 *  - the file is not the one recorded (another inode, size or modification time: copied over,
 *    restored by hand, written by another program);
 *  - a -wal is left beside it (the last session did not close cleanly, or another process has it open);
 *  - the last check is older than a week (what no metadata shows: the disk itself decaying). The
 *    daily backup's integrity_check reads the same pages in between.
 */
export const integrityCheckEveryMs = 7 * 24 * 60 * 60 * 1000;

interface CleanClose {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** When quick_check last passed on this file (ISO). */
  checkedAt: string;
}

/** Beside the database: written only at a clean close, so a crash leaves it stale. */
export function cleanCloseRecordPath(dbPath: string): string {
  return `${dbPath}-checked.json`;
}

/** The time of the last passed check when this open may skip it, else null (check now). */
export function skippableCheckedAt(dbPath: string, now: Date): string | null {
  try {
    if (!existsSync(dbPath)) return null;
    const wal = `${dbPath}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) return null;
    const record = JSON.parse(readFileSync(cleanCloseRecordPath(dbPath), 'utf8')) as CleanClose;
    const file = statSync(dbPath);
    const same = record.dev === file.dev && record.ino === file.ino && record.size === file.size && record.mtimeMs === file.mtimeMs;
    const recent = now.getTime() - Date.parse(record.checkedAt) < integrityCheckEveryMs;
    return same && recent ? record.checkedAt : null;
  } catch {
    return null; // no record, or one that cannot be read: check
  }
}

/** After a clean close: the file as it is now, and when it was last checked. Best effort (a read-only folder keeps checking). */
export function recordCleanClose(dbPath: string, checkedAt: string): void {
  try {
    const file = statSync(dbPath);
    const record: CleanClose = { dev: file.dev, ino: file.ino, size: file.size, mtimeMs: file.mtimeMs, checkedAt };
    writeFileSync(cleanCloseRecordPath(dbPath), JSON.stringify(record));
  } catch {
    // Not recorded: the next open checks again.
  }
}
