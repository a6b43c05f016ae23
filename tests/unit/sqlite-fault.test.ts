import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors/app-error';
import { appErrorFromSqlite, faultCodeOf, locationFault, primarySqliteCode } from '../../src-main/errors/sqlite-fault';
import { explainOpenFailure } from '../../src-main/db/open-problem';

/** An error as better-sqlite3 throws it: an Error with SQLite's extended result code. */
function sqliteError(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

describe('SQLite faults while working', () => {
  it('map each of SQLite’s result codes to the code the user sees', () => {
    const cases: [string, string | null][] = [
      ['SQLITE_FULL', 'disk_full'],
      ['SQLITE_READONLY', 'read_only'],
      ['SQLITE_READONLY_DBMOVED', 'read_only'],
      ['SQLITE_READONLY_CANTINIT', 'read_only'],
      ['SQLITE_READONLY_DIRECTORY', 'read_only'],
      ['SQLITE_CANTOPEN', 'read_only'],
      ['SQLITE_BUSY', 'database_busy'],
      ['SQLITE_BUSY_SNAPSHOT', 'database_busy'],
      ['SQLITE_LOCKED', 'database_busy'],
      ['SQLITE_CORRUPT', 'database_damaged'],
      ['SQLITE_CORRUPT_INDEX', 'database_damaged'],
      ['SQLITE_NOTADB', 'database_damaged'],
      ['SQLITE_IOERR_WRITE', 'disk_error'],
      ['SQLITE_IOERR_FSYNC', 'disk_error'],
      ['SQLITE_IOERR_NOMEM', null],
      ['SQLITE_CONSTRAINT_UNIQUE', null],
      ['SQLITE_ERROR', null],
    ];
    for (const [sqlite, code] of cases) expect(faultCodeOf(sqliteError(sqlite)), sqlite).toBe(code);
    expect(faultCodeOf(new Error('plain'))).toBeNull();
    expect(faultCodeOf(null)).toBeNull();
    expect(faultCodeOf({ code: 'ENOSPC' })).toBeNull();
  });

  it('answers an AppError with the code, or null', () => {
    const error = appErrorFromSqlite(sqliteError('SQLITE_FULL'));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('disk_full');
    expect(appErrorFromSqlite(new TypeError('x'))).toBeNull();
  });

  it('takes the primary code from an extended one', () => {
    expect(primarySqliteCode('SQLITE_IOERR_SHMSIZE')).toBe('SQLITE_IOERR');
    expect(primarySqliteCode('SQLITE_FULL')).toBe('SQLITE_FULL');
  });

  it('looks at the folder for an I/O error: a writable folder with space is a disk error, and leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-fault-'));
    try {
      const path = join(dir, 'mostrador.db');
      expect(locationFault(path)).toBeNull();
      expect(faultCodeOf(sqliteError('SQLITE_IOERR_WRITE'), path)).toBe('disk_error');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite faults at start-up', () => {
  it('are classified by what opening needs', () => {
    const path = join(tmpdir(), 'mostrador-nowhere', 'mostrador.db');
    const cases: [unknown, string][] = [
      [sqliteError('SQLITE_CORRUPT'), 'database_damaged'],
      [sqliteError('SQLITE_NOTADB'), 'database_damaged'],
      [sqliteError('SQLITE_BUSY'), 'database_in_use'],
      [sqliteError('SQLITE_FULL'), 'disk_full'],
      [sqliteError('SQLITE_READONLY'), 'read_only'],
      [sqliteError('SQLITE_PERM'), 'database_unreadable'],
      [new AppError('database_newer'), 'database_newer'],
      [new AppError('not_found'), 'internal'],
      [new Error('a bug'), 'internal'],
    ];
    for (const [error, problem] of cases) expect(explainOpenFailure(error, path), String(error)).toMatchObject({ problem, path });
    expect(explainOpenFailure(sqliteError('SQLITE_NOTADB', 'file is not a database'), path).detail).toBe('SQLITE_NOTADB: file is not a database');
  });
});
