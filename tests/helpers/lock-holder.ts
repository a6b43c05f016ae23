/**
 * Another program holding the database: a plain node process (better-sqlite3, no app code) that
 * takes a lock, says so on stdout and keeps it until it is stopped.
 */
import { spawn } from 'node:child_process';

export type LockKind =
  /** Another desk's write transaction that takes too long (BEGIN IMMEDIATE): reads go on, writes wait. */
  | 'write'
  /** Another program that opened the file exclusively (locking_mode EXCLUSIVE, in rollback-journal mode): nobody else gets in. */
  | 'exclusive';

export interface LockHolder {
  /** Lets the lock go and waits for the process to end. */
  release(): Promise<void>;
}

const scripts: Record<LockKind, string> = {
  write: `db.exec('BEGIN IMMEDIATE');`,
  exclusive: `db.pragma('journal_mode = DELETE'); db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');`,
};

export async function holdLock(dbPath: string, kind: LockKind): Promise<LockHolder> {
  const source = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    ${scripts[kind]}
    process.stdout.write('locked\\n');
    process.stdin.on('data', () => { if (db.inTransaction) db.exec('ROLLBACK'); db.close(); process.exit(0); });
    setTimeout(() => process.exit(2), 120000);
  `;
  const child = spawn(process.execPath, ['-e', source, dbPath], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    void exited.then((code) => reject(new Error(`the lock holder exited ${code} before locking: ${stderr}`)));
  });
  return {
    async release() {
      child.stdin.write('go\n');
      await exited;
    },
  };
}
