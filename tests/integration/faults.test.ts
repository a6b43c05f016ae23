/**
 * Faults while working, produced for real on real files: a full disk, a disk that turns read-only
 * under the open file, another desk holding the write lock too long. Each call answers its own code
 * with the translated message, nothing is half-written (every table's rows, the audit trail and
 * the feed are as before) and reads go on working; once the fault is gone, writes work again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { errorMessages } from '../../src-shared/i18n/errors';
import type { ApiHost, OpenApiOptions } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { ImmediateSqliteDialect } from '../../src-main/db/immediate-dialect';
import { dayFromToday } from '../helpers/agenda-fixtures';
import type { TinyDisk } from '../helpers/fault-disks';
import { faultMountsUnavailable, mountExt4Disk, mountTinyDisk } from '../helpers/fault-disks';
import { holdLock } from '../helpers/lock-holder';
import { ensureCentreFiscal } from '../helpers/fiscal-data';
import { feedIsGapless, integrity, lastSeq, rowCounts } from '../helpers/row-counts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openOn(dir: string, options: OpenApiOptions = {}): Promise<ApiHost> {
  const host = await openApi(join(dir, 'mostrador.db'), options);
  cleanups.push(() => host.database.close().catch(() => undefined));
  await ensureCentreFiscal(host);
  return host;
}

function tinyDisk(): TinyDisk {
  const disk = mountTinyDisk(12 * 1024 * 1024);
  cleanups.push(() => disk.unmount());
  return disk;
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A small centre: a professional, a service, a client. */
async function arrange(host: ApiHost) {
  const ana = await must(host.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const cut = await must(host.invoke('services.create', { name: 'Corte de pelo', durationMin: 60, priceMinor: 2500 }));
  const { client } = await must(host.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' }));
  return { ana, cut, client };
}

type World = Awaited<ReturnType<typeof arrange>>;

/** A few writes of different shapes: a card, a sale (receipt numbers, payments), a weekly series (hundreds of rows). */
function writes(world: World): [string, unknown][] {
  return [
    ['clients.create', { firstName: 'Marta', lastName: 'Díaz' }],
    ['clients.update', { id: world.client.id, notes: 'Prefiere por la tarde' }],
    ['checkout.commit', { clientId: world.client.id, lines: [{ kind: 'service', serviceId: world.cut.id }], payments: [{ method: 'card', amountMinor: 2500 }] }],
    [
      'series.create',
      {
        title: 'Yoga',
        organizerId: world.ana.id,
        startDate: dayFromToday(3),
        startTime: '09:00',
        durationMin: 60,
        places: 8,
        recurrence: { weekdays: [1, 2, 3, 4, 5, 6, 7], intervalWeeks: 1, end: { kind: 'weeks', weeks: 52 } },
      },
    ],
  ];
}

/** Reads answer as before the fault. */
async function readsWork(host: ApiHost, world: World) {
  const found = await must(host.invoke('clients.search', { query: 'munoz' }));
  expect(found.total).toBe(1);
  expect((await must(host.invoke('clients.get', { id: world.client.id }))).firstName).toBe('Lucía');
  const quote = await must(host.invoke('checkout.quote', { lines: [{ kind: 'service', serviceId: world.cut.id }] }));
  expect(quote.totalMinor).toBe(2500);
}

/** Every write is refused with `code` and its Spanish message, and not one row of any table changed. */
async function refusedWithNothingWritten(host: ApiHost, world: World, code: keyof typeof errorMessages.es) {
  const sqlite = host.database.sqlite;
  const before = rowCounts(sqlite);
  const seq = lastSeq(sqlite);
  for (const [call, input] of writes(world)) {
    const result = await host.invoke(call, input);
    expect(result, call).toMatchObject({ ok: false, error: { code, message: errorMessages.es[code] } });
  }
  expect(rowCounts(sqlite)).toEqual(before);
  expect(lastSeq(sqlite)).toBe(seq);
  expect(sqlite.inTransaction).toBe(false);
}

/** After the fault: every write goes through, the feed has no gap and the file is sound. */
async function writesWorkAgain(host: ApiHost, world: World) {
  const sqlite = host.database.sqlite;
  const before = rowCounts(sqlite);
  for (const [call, input] of writes(world)) await must(host.invoke(call, input));
  const after = rowCounts(sqlite);
  expect(after.clients).toBe(before.clients! + 1);
  expect(after.sales).toBe(before.sales! + 1);
  expect(after.change_log).toBe(before.change_log! + 4);
  expect(after.occurrences).toBeGreaterThan(before.occurrences! + 300);
  expect(feedIsGapless(sqlite)).toBe(true);
  expect(integrity(sqlite)).toBe('ok');
}

const noMounts = faultMountsUnavailable();

describe('a full disk while working', () => {
  it('answers disk_full for every write, writes nothing, keeps reading, and works once space is freed', async (context) => {
    context.skip(noMounts !== null, noMounts ?? '');
    const disk = tinyDisk();
    const host = await openOn(disk.dir);
    const world = await arrange(host);
    // An empty -wal: any write needs new space (a -wal that grew before would take a few small writes).
    host.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    disk.fill();

    await refusedWithNothingWritten(host, world, 'disk_full');
    await readsWork(host, world);

    disk.free();
    await writesWorkAgain(host, world);
  });

  it('rolls back a write that runs out of space half-way (pages spilled before the audit entry), leaving no partial rows', async (context) => {
    context.skip(noMounts !== null, noMounts ?? '');
    const disk = tinyDisk();
    const host = await openOn(disk.dir);
    const world = await arrange(host);
    const sqlite = host.database.sqlite;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // A page cache of a few pages: a big write spills to the -wal before it commits, so the disk
    // fills in the middle of the handler's inserts, before the audit entry and the commit.
    sqlite.pragma('cache_size = 4');
    disk.fill();
    const before = rowCounts(sqlite);
    const [, seriesInput] = writes(world)[3]!;
    expect(await host.invoke('series.create', seriesInput)).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(rowCounts(sqlite)).toEqual(before);
    expect(sqlite.inTransaction).toBe(false);
    await readsWork(host, world);

    disk.free();
    sqlite.pragma('cache_size = -32768');
    await writesWorkAgain(host, world);
  });
});

describe('a disk that turns read-only while working', () => {
  it('answers read_only (SQLite says only SQLITE_IOERR_WRITE; the folder says why), writes nothing and keeps reading', async (context) => {
    context.skip(noMounts !== null, noMounts ?? '');
    const disk = mountExt4Disk(32 * 1024 * 1024);
    cleanups.push(() => disk.unmount());
    const host = await openOn(disk.dir);
    const world = await arrange(host);
    // What the kernel does after an I/O error on a disk mounted errors=remount-ro, under open files.
    disk.turnReadOnly();

    await refusedWithNothingWritten(host, world, 'read_only');
    await readsWork(host, world);
  });
});

describe('another desk holding the write lock longer than the busy timeout', () => {
  it('answers database_busy, writes nothing, keeps reading meanwhile, and works once the lock is released', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-busy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const host = await openOn(dir, { database: { busyTimeoutMs: 250 } });
    const world = await arrange(host);
    const lock = await holdLock(host.database.path, 'write');
    cleanups.push(() => lock.release());

    const started = Date.now();
    await refusedWithNothingWritten(host, world, 'database_busy');
    // Each write waited for the lock before giving up.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 200);
    await readsWork(host, world);

    await lock.release();
    await writesWorkAgain(host, world);
  });
});

describe('the write transaction', () => {
  it('is one transaction with its audit entry and feed rows: a failing audit insert leaves none of the handler’s rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-audit-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const host = await openOn(dir);
    const world = await arrange(host);
    const sqlite = host.database.sqlite;
    const before = rowCounts(sqlite);
    // The audit entry is the last insert of every write: make it fail, on this connection only.
    sqlite.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.change_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    for (const [call, input] of writes(world)) {
      expect(await host.invoke(call, input), call).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
    expect(rowCounts(sqlite)).toEqual(before);
    sqlite.exec('DROP TRIGGER temp.refuse_audit');
    await writesWorkAgain(host, world);
  });

  it('lets the cause through when SQLite already rolled back (kysely’s ROLLBACK would say "no transaction is active")', async () => {
    const sqlite = new Sqlite(':memory:');
    const db = new Kysely<{ t: { x: number } }>({ dialect: new ImmediateSqliteDialect({ database: sqlite, inTransaction: () => sqlite.inTransaction }) });
    await sql`CREATE TABLE t (x INTEGER)`.execute(db);
    const cause = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const failed = db.transaction().execute(async (tx) => {
      await tx.insertInto('t').values({ x: 1 }).execute();
      // What SQLite does by itself on SQLITE_FULL or an I/O error: the transaction is gone.
      await sql`ROLLBACK`.execute(tx);
      throw cause;
    });
    await expect(failed).rejects.toBe(cause);
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([]);
    // A transaction still open is rolled back as usual.
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('t').values({ x: 2 }).execute();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(sqlite.inTransaction).toBe(false);
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
