import { accessSync, closeSync, constants, existsSync, fsyncSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from './app-error';

/** What a fault of the disk or of the file looks like to the user. */
export type FaultCode = 'disk_full' | 'read_only' | 'database_busy' | 'database_damaged' | 'disk_error';

/** Less free space than this on the database's disk counts as full (SQLite needs room for its -wal and -shm). */
const fullBelowBytes = 256 * 1024;

/** better-sqlite3's extended result code ('SQLITE_IOERR_WRITE'), or null for an error that is not SQLite's. */
export function sqliteCodeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** 'SQLITE_READONLY_DBMOVED' → 'SQLITE_READONLY': the primary code, which says what kind of fault it is. */
export function primarySqliteCode(code: string): string {
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

/**
 * Why the database's file or folder cannot take a write, seen from the file system: not writable
 * (a read-only disk, folder or file; EROFS stops root too), or no space left. Null when neither.
 * Asked only after SQLite failed: a one-byte file is written and removed beside the database,
 * since a disk the kernel turned read-only after an error may still look writable to access(2).
 */
export function locationFault(databasePath: string): 'read_only' | 'disk_full' | null {
  const folder = dirname(databasePath);
  if (existsSync(databasePath) && !writable(databasePath)) return 'read_only';
  const refused = writeRefusal(folder);
  if (refused === 'EROFS' || refused === 'EACCES' || refused === 'EPERM') return 'read_only';
  if (refused === 'ENOSPC' || refused === 'EDQUOT') return 'disk_full';
  return freeBytes(folder) < fullBelowBytes ? 'disk_full' : null;
}

/**
 * The one mapping from SQLite's result codes to the codes the user sees, for a call that failed
 * while working (the start-up path adds its own, see db/open-problem.ts). An I/O error is looked
 * into when the database's path is known: SQLite reports a write to a disk that went read-only,
 * or a -shm it could not grow, only as SQLITE_IOERR_*. Null for an error that is no such fault.
 */
export function appErrorFromSqlite(error: unknown, databasePath?: string): AppError | null {
  const code = faultCodeOf(error, databasePath);
  return code ? new AppError(code) : null;
}

export function faultCodeOf(error: unknown, databasePath?: string): FaultCode | null {
  const code = sqliteCodeOf(error);
  if (!code) return null;
  switch (primarySqliteCode(code)) {
    case 'SQLITE_FULL':
      return 'disk_full';
    case 'SQLITE_READONLY':
      return 'read_only';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'database_busy';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'database_damaged';
    case 'SQLITE_CANTOPEN':
      // While working, only a -journal or a -wal is opened: its folder or disk refused it.
      return (databasePath ? locationFault(databasePath) : null) ?? 'read_only';
    case 'SQLITE_IOERR':
      if (code === 'SQLITE_IOERR_NOMEM') return null;
      return (databasePath ? locationFault(databasePath) : null) ?? 'disk_error';
    default:
      return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The errno of creating and writing a byte in `folder` (then removed), or null when it could. A folder that is gone is no such refusal. */
function writeRefusal(folder: string): string | null {
  const probe = join(folder, `.mostrador-write-check-${process.pid}`);
  let fd: number | null = null;
  try {
    fd = openSync(probe, 'w');
    writeSync(fd, 'x');
    fsyncSync(fd);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? null;
    return code === 'ENOENT' ? null : code;
  } finally {
    if (fd !== null) closeSync(fd);
    rmSync(probe, { force: true });
  }
}

function freeBytes(folder: string): number {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
