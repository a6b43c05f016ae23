import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { migrations } from '../../../migrations/index';
import type { BackupCheck } from '../../../src-shared/domain/backups';
import { checkDatabaseFileSource } from './check-source';

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
const knownMigrations = () => Object.keys(migrations);

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
${checkDatabaseFileSource}
parentPort.postMessage(checkDatabaseFile(require(workerData.driverPath), workerData.path, workerData.known));
`;

/**
 * Checks a backup (or any database file) in a worker thread, so the desk keeps working while
 * SQLite reads every page: whole, a Mostrador database, a schema this app knows; and what it holds.
 * Where a worker cannot start, the same check runs here.
 */
export async function checkBackupFile(path: string, known: readonly string[] = knownMigrations()): Promise<BackupCheck> {
  try {
    return await checkInWorker(path, known);
  } catch (error) {
    console.warn('[backups] the check could not run in a worker; running it here', error);
    return checkHere(path, known);
  }
}

/** The same check on this thread (the start-up problem screen, where nothing else runs). */
export function checkHere(path: string, known: readonly string[] = knownMigrations()): BackupCheck {
  // The one source of the check, shared with the worker: see check-source.ts.
  const run = new Function('Database', 'path', 'known', `${checkDatabaseFileSource}\nreturn checkDatabaseFile(Database, path, known);`) as (
    Database: unknown,
    path: string,
    known: readonly string[],
  ) => BackupCheck;
  return run(createRequire(import.meta.url)('better-sqlite3'), path, known);
}

function checkInWorker(path: string, known: readonly string[]): Promise<BackupCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { driverPath, path, known: [...known] } });
    let answered = false;
    worker.once('message', (check: BackupCheck) => {
      answered = true;
      resolve(check);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the check's worker stopped (exit ${code})`));
    });
  });
}
