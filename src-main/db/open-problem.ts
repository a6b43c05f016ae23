import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Sqlite from 'better-sqlite3';
import type { ErrorCode } from '../../src-shared/api/error-codes';
import type { ApiError } from '../../src-shared/api/result';
import type { Language } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import { AppError } from '../errors/app-error';
import { locationFault, primarySqliteCode, sqliteCodeOf } from '../errors/sqlite-fault';
import type { OpenDatabase, OpenDatabaseOptions } from './open-database';
import { openDatabase } from './open-database';
import { recordCleanClose, skippableCheckedAt } from './integrity-schedule';

/** Why the centre's database could not be opened, in the words the hosts show. */
export const openProblemCodes = [
  'database_damaged',
  'database_unreadable',
  'database_newer',
  'database_in_use',
  'read_only',
  'disk_full',
  'disk_error',
  'internal',
] as const satisfies readonly ErrorCode[];
export type OpenProblemCode = (typeof openProblemCodes)[number];

export interface OpenProblem {
  problem: OpenProblemCode;
  /** The database file it is about. */
  path: string;
  /** What SQLite or the file system said, for the log and a details line: never a stack. */
  detail: string;
}

/** Thrown where a host needs an exception (openApi): an AppError with the problem's code, carrying the rest. */
export class OpenProblemError extends AppError {
  constructor(readonly openProblem: OpenProblem) {
    super(openProblem.problem);
    this.name = 'OpenProblemError';
  }
}

export function isOpenProblem(value: unknown): value is OpenProblem {
  return typeof value === 'object' && value !== null && 'problem' in value && 'path' in value && 'detail' in value;
}

/**
 * Opens the database (creating it when there is none), checks it is a sound Mostrador file this
 * version understands and that it can be written, and migrates it; or says why not. Nothing is
 * written to a file that fails a check: the integrity check runs before any migration, and the
 * write check is rolled back.
 */
export async function openDatabaseOrExplain(path: string, options: OpenDatabaseOptions = {}): Promise<OpenDatabase | OpenProblem> {
  const before = fileProblem(path);
  if (before) return before;
  // Read before the open creates a -wal: whether the file is as this app last closed it (integrity-schedule.ts).
  const skipCheckSince = skippableCheckedAt(path, new Date());
  const checkedAt = skipCheckSince ?? new Date().toISOString();
  let database: OpenDatabase | null = null;
  try {
    database = await openDatabase(path, {
      ...options,
      beforeMigrate: (sqlite) => {
        if (skipCheckSince === null) checkIntegrity(sqlite, path);
        options.beforeMigrate?.(sqlite);
      },
    });
    checkWritable(database.sqlite);
    const close = database.close;
    database.close = async () => {
      await close();
      recordCleanClose(path, checkedAt);
    };
    return database;
  } catch (error) {
    await database?.close().catch(() => undefined);
    return explainOpenFailure(error, path);
  }
}

/** Creates the database's folder when missing (the first start); a folder that cannot be made is a problem too. */
export function ensureDatabaseFolder(path: string): OpenProblem | null {
  try {
    mkdirSync(dirname(path), { recursive: true });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'read_only' : code === 'ENOSPC' ? 'disk_full' : 'database_unreadable';
    return { problem, path, detail: detailOf(error) };
  }
}

/** How the browser host and the CLI print a problem: the coded error of the API, the file, what was found; no stack. */
export function openProblemAnswer(problem: OpenProblem, language: Language = 'es'): { ok: false; error: ApiError; database: string; detail: string } {
  return { ok: false, error: { code: problem.problem, message: errorMessage(language, problem.problem) }, database: problem.path, detail: problem.detail };
}

/** openDatabaseOrExplain for a caller that wants an exception: throws OpenProblemError (an AppError with the problem's code). */
export async function openCheckedDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const opened = await openDatabaseOrExplain(path, options);
  if (isOpenProblem(opened)) throw new OpenProblemError(opened);
  return opened;
}

/** The problem behind an error thrown while opening, migrating or running the start-up jobs. */
export function explainOpenFailure(error: unknown, path: string): OpenProblem {
  if (error instanceof OpenProblemError) return error.openProblem;
  const detail = detailOf(error);
  if (error instanceof AppError) return { problem: asOpenProblemCode(error.code), path, detail };
  const code = sqliteCodeOf(error);
  if (!code) {
    // better-sqlite3 checks the folder itself, before SQLite sees the path.
    const missingFolder = error instanceof TypeError && !existsSync(dirname(path));
    return { problem: missingFolder ? 'database_unreadable' : 'internal', path, detail };
  }
  return { problem: openProblemOfSqlite(code, path), path, detail };
}

function openProblemOfSqlite(code: string, path: string): OpenProblemCode {
  switch (primarySqliteCode(code)) {
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'database_damaged';
    // Another desk's write lasts milliseconds; a lock held past the busy timeout at start-up is another program's.
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'database_in_use';
    case 'SQLITE_FULL':
      return 'disk_full';
    case 'SQLITE_READONLY':
      return 'read_only';
    // The file, its -wal or its -shm could not be opened or created: the folder or disk says why, else it is unreadable.
    case 'SQLITE_CANTOPEN':
      return locationFault(path) ?? 'database_unreadable';
    case 'SQLITE_IOERR':
      return locationFault(path) ?? 'disk_error';
    default:
      return 'database_unreadable';
  }
}

function asOpenProblemCode(code: ErrorCode): OpenProblemCode {
  return (openProblemCodes as readonly ErrorCode[]).includes(code) ? (code as OpenProblemCode) : 'internal';
}

/** What the file system already tells before SQLite opens the path (SQLite would create a file where there is none). */
function fileProblem(path: string): OpenProblem | null {
  if (!existsSync(path)) {
    return existsSync(dirname(path)) ? null : { problem: 'database_unreadable', path, detail: `the folder ${dirname(path)} does not exist` };
  }
  if (!statSync(path).isFile()) return { problem: 'database_unreadable', path, detail: 'not a file' };
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    return { problem: 'database_unreadable', path, detail: detailOf(error) };
  }
  return null;
}

/** Bytes overwritten anywhere in the file: SQLite's quick_check reads every page (a few hundred ms for a large centre). */
function checkIntegrity(sqlite: Sqlite.Database, path: string): void {
  const rows = sqlite.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const messages = rows.map((row) => row.quick_check);
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new OpenProblemError({ problem: 'database_damaged', path, detail: `quick_check: ${messages.join('; ')}` });
  }
}

/**
 * A write that is rolled back: SQLite opens a file it may not write read-only without saying so,
 * and only refuses at the first write. The -wal was already created by the open (WAL mode).
 */
function checkWritable(sqlite: Sqlite.Database): void {
  const version = Number(sqlite.pragma('user_version', { simple: true }));
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite.exec(`PRAGMA user_version = ${version}`);
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

function detailOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}
