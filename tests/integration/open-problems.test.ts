/**
 * A database that cannot be opened or written, at start-up, in every host: the classification
 * (openDatabaseOrExplain), the browser host (refuses to start: the coded error on stderr, exit 1)
 * and the CLI (the coded error on stdout, exit 1). Never a stack, and the file is left as it was.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { errorMessages } from '../../src-shared/i18n/errors';
import { openApi } from '../../src-main/api/open-api';
import type { OpenDatabaseOptions } from '../../src-main/db/open-database';
import type { OpenProblem } from '../../src-main/db/open-problem';
import { isOpenProblem, openDatabaseOrExplain } from '../../src-main/db/open-problem';
import { bindReadOnly, bindWritable, faultMountsUnavailable, mountTinyDisk } from '../helpers/fault-disks';
import type { Exited } from '../helpers/host-processes';
import { printedJson, runCli, runWebHost } from '../helpers/host-processes';
import { holdLock } from '../helpers/lock-holder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-open-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A closed database with a centre's worth of cards in it (many pages). */
async function centreFile(path: string, clients = 150): Promise<void> {
  const host = await openApi(path);
  for (let i = 0; i < clients; i++) {
    const r = await host.invoke('clients.create', { firstName: `Cliente ${i}`, lastName: 'Muñoz', notes: 'Notas '.repeat(40) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  await host.database.close();
}

function hash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function problemOf(path: string, options: OpenDatabaseOptions = {}): Promise<OpenProblem> {
  const opened = await openDatabaseOrExplain(path, options);
  if (!isOpenProblem(opened)) {
    await opened.close();
    throw new Error(`${path} opened without a problem`);
  }
  return opened;
}

/** Both hosts refuse to start on `path` with `code`: the coded error as JSON, exit 1, no stack. */
async function hostsRefuse(path: string, code: keyof typeof errorMessages.es): Promise<void> {
  const [web, cli] = await Promise.all([runWebHost(path), runCli(path, ['api', 'clients.search', '{}'])]);
  expectCodedRefusal(web, web.stderr, path, code);
  expectCodedRefusal(cli, cli.stdout, path, code);
}

function expectCodedRefusal(exited: Exited, printed: string, path: string, code: keyof typeof errorMessages.es): void {
  expect(exited.code, `${exited.stdout}\n${exited.stderr}`).toBe(1);
  expect(printedJson(printed)).toMatchObject({ ok: false, error: { code, message: errorMessages.es[code] }, database: path });
  expect(`${exited.stdout}${exited.stderr}`).not.toMatch(/^\s+at /m);
}

const noMounts = faultMountsUnavailable();

describe('a damaged database', () => {
  it('is database_damaged when bytes in the middle of a copy are overwritten, in every host, and is not touched', async () => {
    const dir = tempDir();
    const original = join(dir, 'mostrador.db');
    await centreFile(original);
    const copy = join(dir, 'copia.db');
    copyFileSync(original, copy);
    const pageSize = 4096;
    const pages = statSync(copy).size / pageSize;
    expect(pages).toBeGreaterThan(20);
    const fd = openSync(copy, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
    closeSync(fd);
    const before = hash(copy);

    const problem = await problemOf(copy);
    expect(problem).toMatchObject({ problem: 'database_damaged', path: copy });
    expect(problem.detail).not.toMatch(/^\s+at /m);
    await hostsRefuse(copy, 'database_damaged');
    expect(hash(copy)).toBe(before);
    // The original was never touched and still opens.
    const opened = await openDatabaseOrExplain(original);
    expect(isOpenProblem(opened)).toBe(false);
    if (!isOpenProblem(opened)) await opened.close();
  });

  it('is database_damaged for a file that is not a database at all', async () => {
    const dir = tempDir();
    const path = join(dir, 'mostrador.db');
    const fd = openSync(path, 'w');
    writeSync(fd, 'Lista de clientes\n'.repeat(500));
    closeSync(fd);
    expect((await problemOf(path)).problem).toBe('database_damaged');
    await hostsRefuse(path, 'database_damaged');
  });
});

describe('a database from a newer version', () => {
  it('is database_newer in every host, and the file is left untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'mostrador.db');
    await centreFile(path, 3);
    const sqlite = new Sqlite(path);
    sqlite.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run('9999-from-a-newer-mostrador', new Date().toISOString());
    sqlite.close();
    const before = hash(path);

    expect(await problemOf(path)).toMatchObject({ problem: 'database_newer', path });
    await hostsRefuse(path, 'database_newer');
    expect(hash(path)).toBe(before);
  });
});

describe('a database that cannot be written', () => {
  it('is read_only for a read-only file (a read-only bind mount: root is refused too), in every host', async (context) => {
    context.skip(noMounts !== null, noMounts ?? '');
    const dir = tempDir();
    const path = join(dir, 'mostrador.db');
    await centreFile(path, 3);
    const before = hash(path);
    cleanups.push(bindReadOnly(path));

    expect(await problemOf(path)).toMatchObject({ problem: 'read_only', path });
    await hostsRefuse(path, 'read_only');
    expect(hash(path)).toBe(before);
  });

  it('is read_only for a writable file in a read-only folder (no -wal can be made), in every host', async (context) => {
    context.skip(noMounts !== null, noMounts ?? '');
    const dir = tempDir();
    const folder = join(dir, 'datos');
    mkdirSync(folder);
    const path = join(folder, 'mostrador.db');
    await centreFile(path, 3);
    cleanups.push(bindReadOnly(folder));
    cleanups.push(bindWritable(path));

    expect(await problemOf(path)).toMatchObject({ problem: 'read_only', path });
    await hostsRefuse(path, 'read_only');
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('is read_only for a new database in a read-only folder', async (context) => {
    context.skip(noMounts !== null, noMounts ?? '');
    const folder = join(tempDir(), 'datos');
    mkdirSync(folder);
    cleanups.push(bindReadOnly(folder));
    expect((await problemOf(join(folder, 'mostrador.db'))).problem).toBe('read_only');
  });

  it('is disk_full on a full disk (the -wal and -shm cannot be made), in every host', async (context) => {
    context.skip(noMounts !== null, noMounts ?? '');
    const disk = mountTinyDisk(8 * 1024 * 1024);
    cleanups.push(() => disk.unmount());
    const path = join(disk.dir, 'mostrador.db');
    await centreFile(path, 3);
    disk.fill();
    const before = hash(path);

    expect(await problemOf(path)).toMatchObject({ problem: 'disk_full', path });
    await hostsRefuse(path, 'disk_full');
    expect(hash(path)).toBe(before);
    disk.free();
    const opened = await openDatabaseOrExplain(path);
    expect(isOpenProblem(opened)).toBe(false);
    if (!isOpenProblem(opened)) await opened.close();
  });
});

describe('a database in use by another program', () => {
  it('is database_in_use while another process holds it exclusively, in every host, and opens once it lets go', async () => {
    const dir = tempDir();
    const path = join(dir, 'mostrador.db');
    await centreFile(path, 3);
    const lock = await holdLock(path, 'exclusive');
    cleanups.push(() => lock.release());

    expect(await problemOf(path, { busyTimeoutMs: 200 })).toMatchObject({ problem: 'database_in_use', path });
    // The hosts wait their full busy timeout (5 s) first.
    await hostsRefuse(path, 'database_in_use');

    await lock.release();
    const opened = await openDatabaseOrExplain(path, { busyTimeoutMs: 200 });
    expect(isOpenProblem(opened)).toBe(false);
    if (!isOpenProblem(opened)) await opened.close();
  });
});

describe('a path that is no database file', () => {
  it('is database_unreadable for a folder', async () => {
    const dir = tempDir();
    const path = join(dir, 'carpeta.db');
    mkdirSync(path);
    expect(await problemOf(path)).toMatchObject({ problem: 'database_unreadable', path });
    await hostsRefuse(path, 'database_unreadable');
  });
});
