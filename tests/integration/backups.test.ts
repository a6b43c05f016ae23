import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import type { BackupEntry } from '../../src-shared/domain/backups';
import type { BackupService } from '../../src-main/db/backup/backup-service';
import { createBackupService } from '../../src-main/db/backup/backup-service';
import { listBackupsIn, restoreLatestGoodBackup } from '../../src-main/db/backup/offline-restore';
import type { Database } from '../../src-main/db/database';
import { ImmediateSqliteDialect } from '../../src-main/db/immediate-dialect';
import { migrate } from '../../src-main/db/migrate';
import { openApi } from '../../src-main/api/open-api';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';
import { agendaWorld, createSeries, occurrencesOf } from '../helpers/agenda-fixtures';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

const backupsDir = () => join(api.dir, 'backups');
const deskRow = (sqlite: Sqlite.Database) =>
  sqlite.prepare('SELECT id, name, backup_folder, update_url, update_channel FROM desk_identity').get() as {
    id: string;
    name: string;
    backup_folder: string | null;
    update_url: string | null;
    update_channel: string;
  };
const clientNames = (sqlite: Sqlite.Database) => (sqlite.prepare('SELECT first_name FROM clients ORDER BY first_name').pluck().all() as string[]);

/** Opens a file read-only, runs `read`, closes it. */
function readFile<T>(path: string, read: (sqlite: Sqlite.Database) => T): T {
  const sqlite = new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Overwrites `length` bytes in the middle of a file with garbage. */
function damageMiddle(path: string, length = 8192): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, Math.floor(size / 2));
  } finally {
    closeSync(fd);
  }
}

/** Waits until a backup has copied its first pages (it first makes its folder and clears leftovers). */
async function copying(service: BackupService): Promise<void> {
  while (!service.progress()?.pagesDone) await new Promise((resolve) => setImmediate(resolve));
}

async function someClients(count: number, prefix = 'Cliente') {
  for (let i = 0; i < count; i++) await api.call('clients.create', { firstName: `${prefix} ${String(i).padStart(4, '0')}`, lastName: 'Prueba', notes: 'x'.repeat(400) });
}

describe('a backup made now', () => {
  it('is written with the online backup API into backups/, checked, and recorded with what it holds', async () => {
    await api.call('settings.update', { name: 'Centro Alba' });
    await someClients(3);
    const entry = await api.call('backups.run', {});
    expect(entry).toMatchObject({ kind: 'manual', state: 'ok', where: 'data', contents: { centreName: 'Centro Alba', counts: { clients: 3, bookings: 0, appointments: 0, sales: 0 } } });
    expect(entry.path.startsWith(backupsDir())).toBe(true);
    expect(entry.contents?.lastChangeAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entry.contents?.schema).toBe(Object.keys(migrations).at(-1));
    // One plain file (no -wal), its sidecar beside it, nothing half-written.
    expect(readdirSync(backupsDir()).sort()).toEqual([entry.fileName, `${entry.fileName}.json`]);
    const sidecar = JSON.parse(readFileSync(`${entry.path}.json`, 'utf8')) as Record<string, unknown>;
    expect(sidecar).toMatchObject({ kind: 'manual', state: 'ok', sizeBytes: statSync(entry.path).size, deskId: deskRow(api.host.database.sqlite).id });
    expect(readFile(entry.path, (s) => [s.pragma('journal_mode', { simple: true }), s.pragma('integrity_check', { simple: true }), clientNames(s).length])).toEqual(['delete', 'ok', 3]);

    const overview = await api.call('backups.list', {});
    expect(overview).toMatchObject({ dataFolder: backupsDir(), secondFolder: null, running: null, undo: null });
    expect(overview.backups.map((b) => b.fileName)).toEqual([entry.fileName]);
    expect(await api.call('backups.progress', {})).toBeNull();
  });

  it('answers backup_running to a second one while the first runs, and shows its progress', async () => {
    await someClients(300);
    const service = createBackupService({ sqlite: api.host.database.sqlite, dbPath: api.path, stepPages: 1 });
    const first = service.run('manual');
    await copying(service);
    const progress = service.progress();
    expect(progress).toMatchObject({ kind: 'manual', phase: 'copying' });
    expect(progress!.pagesTotal).toBeGreaterThan(10);
    await expect(service.run('manual')).rejects.toMatchObject({ code: 'backup_running' });
    await expect(service.restore(join(api.dir, 'any.db'))).rejects.toMatchObject({ code: 'backup_running' });
    expect((await first).state).toBe('ok');
    expect(service.progress()).toBeNull();
    // Through the contract: the host's own service, asked twice at once.
    const hostRun = api.host.backups.run('manual');
    expect(await api.refuse('backups.run', {})).toMatchObject({ code: 'backup_running' });
    expect(await api.refuse('backups.restore', { path: (await first).path })).toMatchObject({ code: 'backup_running' });
    expect((await hostRun).state).toBe('ok');
  });

  it('carries a booking committed while it runs, and the copy is consistent', async () => {
    const world = await agendaWorld(api, 4);
    await someClients(400);
    const { series } = await createSeries(api, world.ana, { places: 10 });
    const occurrenceId = occurrencesOf(api, series.id)[0]!.id;
    // One page per step: the backup takes many turns of the event loop, the booking lands between them.
    const service = createBackupService({ sqlite: api.host.database.sqlite, dbPath: api.path, stepPages: 1 });
    const running = service.run('manual');
    await copying(service);
    expect(service.progress()?.pagesDone).toBeLessThan(service.progress()!.pagesTotal);
    const booked = await api.call('sessions.book', { occurrenceId, clientId: world.clients[0]! });
    expect(service.progress()).not.toBeNull();
    const entry = await running;

    const bookingIn = (s: Sqlite.Database) => s.prepare('SELECT status FROM bookings WHERE id = ?').pluck().get(booked.id);
    expect(bookingIn(api.host.database.sqlite)).toBe('booked');
    expect(entry.state).toBe('ok');
    expect(readFile(entry.path, (s) => [s.pragma('integrity_check', { simple: true }), bookingIn(s), s.prepare('SELECT held_count FROM occurrences WHERE id = ?').pluck().get(occurrenceId)])).toEqual(['ok', 'booked', 1]);
  });

  it('is also copied to the second folder, checked and rotated there; an unwritable folder is refused', async () => {
    const second = mkdtempSync(join(tmpdir(), 'mostrador-second-'));
    try {
      expect(await api.refuse('backups.setFolder', { folder: 'copias' })).toMatchObject({ code: 'backup_folder_unwritable', field: 'folder' });
      const aFile = join(second, 'not-a-folder');
      writeFileSync(aFile, '');
      expect(await api.refuse('backups.setFolder', { folder: join(aFile, 'inside') })).toMatchObject({ code: 'backup_folder_unwritable' });
      // Where Node's recursive mkdir would retry for ever: answered at once.
      if (process.platform === 'linux') expect(await api.refuse('backups.setFolder', { folder: '/proc/mostrador' })).toMatchObject({ code: 'backup_folder_unwritable' });
      expect(await api.call('backups.setFolder', { folder: join(second, 'Mostrador') })).toEqual({ folder: join(second, 'Mostrador') });
      const entry = await api.call('backups.run', {});
      const copy = join(second, 'Mostrador', entry.fileName);
      expect(existsSync(copy) && existsSync(`${copy}.json`)).toBe(true);
      expect(readFile(copy, (s) => s.pragma('integrity_check', { simple: true }))).toBe('ok');
      const overview = await api.call('backups.list', {});
      expect(overview.secondFolder).toBe(join(second, 'Mostrador'));
      expect(overview.backups.map((b) => [b.fileName, b.where])).toEqual([
        [entry.fileName, 'data'],
        [entry.fileName, 'second'],
      ]);
      expect(overview.secondFolderFailedAt).toBeNull();
      // Audited: who sent the backups elsewhere.
      expect(api.host.database.sqlite.prepare("SELECT entity FROM change_log WHERE call = 'backups.setFolder'").pluck().all()).toEqual(['desk_identity']);

      // The stick is unplugged: the backup itself still succeeds, the list says the copy failed.
      rmSync(join(second, 'Mostrador'), { recursive: true });
      writeFileSync(join(second, 'Mostrador'), 'a file where the folder was');
      const next = await api.call('backups.run', {});
      expect(next.state).toBe('ok');
      expect((await api.call('backups.list', {})).secondFolderFailedAt).not.toBeNull();
      expect(await api.call('backups.setFolder', { folder: null })).toEqual({ folder: null });
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});

describe('checking a file before restoring it', () => {
  it('catches a damaged backup, a file that is not Mostrador, a newer schema and a missing file', async () => {
    await someClients(200);
    const entry = await api.call('backups.run', {});
    expect(await api.call('backups.inspect', { path: entry.path })).toMatchObject({ counts: { clients: 200 } });

    const damaged = join(backupsDir(), 'mostrador-2020-01-01T00-00-00-000Z-manual.db');
    copyFileSync(entry.path, damaged);
    copyFileSync(`${entry.path}.json`, `${damaged}.json`);
    damageMiddle(damaged);
    expect(await api.refuse('backups.inspect', { path: damaged })).toMatchObject({ code: 'backup_damaged', field: 'path' });
    expect(await api.refuse('backups.restore', { path: damaged })).toMatchObject({ code: 'backup_damaged' });
    // The list now says so (its sidecar was updated by the check).
    expect((await api.call('backups.list', {})).backups.find((b) => b.path === damaged)).toMatchObject({ state: 'damaged', problem: 'integrity' });

    const text = join(api.dir, 'notes.db');
    writeFileSync(text, 'Lista de la compra: leche, pan, huevos.\n'.repeat(200));
    expect(await api.refuse('backups.inspect', { path: text })).toMatchObject({ code: 'not_a_mostrador_file' });
    const other = join(api.dir, 'other.db');
    const plain = new Sqlite(other);
    plain.exec('CREATE TABLE notes (body TEXT)');
    plain.close();
    expect(await api.refuse('backups.restore', { path: other })).toMatchObject({ code: 'not_a_mostrador_file' });

    const newer = join(api.dir, 'newer.db');
    copyFileSync(entry.path, newer);
    const future = new Sqlite(newer);
    future.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString());
    future.close();
    expect(await api.refuse('backups.inspect', { path: newer })).toMatchObject({ code: 'database_newer' });
    expect(await api.refuse('backups.restore', { path: join(api.dir, 'nowhere.db') })).toMatchObject({ code: 'not_found', field: 'path' });
    // Nothing was restored: the live data is as it was.
    expect(clientNames(api.host.database.sqlite)).toHaveLength(200);
  });
});

describe('restore and undo through the contract', () => {
  it('puts the data back as it was, keeps the current one aside, gives a new desk id, keeps the desk’s own settings; undo puts it back', async () => {
    const sqlite = api.host.database.sqlite;
    await api.call('settings.update', { name: 'Centro Alba' });
    await api.call('clients.create', { firstName: 'Ana' });
    const backup = await api.call('backups.run', {});
    const original = deskRow(sqlite);

    // After the backup: a new client, a new centre name, and this desk's own settings changed.
    await api.call('clients.create', { firstName: 'Bea' });
    await api.call('settings.update', { name: 'Centro Alba Norte' });
    const second = mkdtempSync(join(tmpdir(), 'mostrador-second-'));
    try {
      await api.call('backups.setFolder', { folder: second });
      sqlite.prepare("UPDATE desk_identity SET name = 'Recepción 2', update_url = 'https://example.com/updates', update_channel = 'beta'").run();
      const before = deskRow(sqlite);

      const report = await api.call('backups.restore', { path: backup.path });
      expect(report).toMatchObject({ restoredFrom: backup.path, contents: { centreName: 'Centro Alba', counts: { clients: 1 } } });
      expect(clientNames(sqlite)).toEqual(['Ana']);
      expect((await api.call('settings.get', {})).name).toBe('Centro Alba');
      const restored = deskRow(sqlite);
      expect(restored.id).not.toBe(original.id);
      expect(restored).toEqual({ ...before, id: restored.id });
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // The restore is the first entry of the restored file's new history, under the new desk id.
      expect(sqlite.prepare("SELECT desk_id, changes FROM change_log WHERE call = 'backups.restore'").all()).toEqual([
        { desk_id: restored.id, changes: JSON.stringify({ restoredFrom: backup.fileName, keptAside: basename(report.keptAside!) }) },
      ]);
      // Writes go on as usual, with the new desk id in the audit trail and the feed.
      await api.call('clients.create', { firstName: 'Carla' });
      expect(sqlite.prepare("SELECT desk_id FROM change_log WHERE call = 'clients.create' ORDER BY at DESC LIMIT 1").pluck().get()).toBe(restored.id);
      expect(sqlite.prepare('SELECT desk_id FROM feed ORDER BY seq DESC LIMIT 1').pluck().get()).toBe(restored.id);

      // The current file was kept aside, as a before-restore backup (not copied to the second folder).
      const overview = await api.call('backups.list', {});
      expect(overview.undo).toMatchObject({ restoredFrom: backup.path, keptAside: report.keptAside });
      const keptAside = overview.backups.find((b) => b.path === report.keptAside) as BackupEntry;
      expect(keptAside).toMatchObject({ kind: 'before-restore', state: 'ok', where: 'data', contents: { centreName: 'Centro Alba Norte', counts: { clients: 2 } } });
      expect(readdirSync(second).filter((f) => f.includes('before-restore'))).toEqual([]);

      const undone = await api.call('backups.undoRestore', {});
      expect(undone.restoredFrom).toBe(report.keptAside);
      expect(clientNames(sqlite)).toEqual(['Ana', 'Bea']);
      expect((await api.call('settings.get', {})).name).toBe('Centro Alba Norte');
      // The kept-aside file comes back with its own desk id, and this desk's settings as they are.
      expect(deskRow(sqlite)).toEqual(before);
      expect((await api.call('backups.list', {})).undo).toBeNull();
      expect(await api.refuse('backups.undoRestore', {})).toMatchObject({ code: 'nothing_to_undo' });
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('survives reopening: the restored file opens as the live database, and undo still works after a restart', async () => {
    await api.call('clients.create', { firstName: 'Ana' });
    const backup = await api.call('backups.run', {});
    await api.call('clients.create', { firstName: 'Bea' });
    await api.call('backups.restore', { path: backup.path });
    await api.host.close();
    const again = await openTempApiIn(api.dir);
    api = again;
    expect(clientNames(api.host.database.sqlite)).toEqual(['Ana']);
    await api.call('backups.undoRestore', {});
    expect(clientNames(api.host.database.sqlite)).toEqual(['Ana', 'Bea']);
  });

  it('tells every page that every table changed, at the restored feed position', async () => {
    await api.call('clients.create', { firstName: 'Ana' });
    const backup = await api.call('backups.run', {});
    for (const name of ['Bea', 'Carla', 'Dora']) await api.call('clients.create', { firstName: name });
    const told: { tables: string[]; seq: number }[] = [];
    api.host.onTablesChanged((change) => told.push(change));
    await api.call('backups.restore', { path: backup.path });
    const lastSeq = Number(api.host.database.sqlite.prepare('SELECT max(seq) FROM feed').pluck().get());
    expect(told.at(-1)).toMatchObject({ seq: lastSeq });
    expect(told.at(-1)!.tables).toEqual(expect.arrayContaining(['clients', 'bookings', 'centre_settings', 'change_log']));
    // The next write is told again, although its sequence number is below what was seen before the restore.
    await api.call('clients.create', { firstName: 'Eva' });
    expect(told.at(-1)!.tables).toContain('clients');
    expect(told.at(-1)!.seq).toBeGreaterThan(lastSeq);
  });
});

describe('a restore made by another process on the same file (the CLI while the app runs)', () => {
  it('is seen by this host: every table told as changed, the feed followed from its new end, audit entries under the new desk id', async () => {
    await api.call('clients.create', { firstName: 'Ana' });
    const backup = await api.call('backups.run', {});
    for (const name of ['Bea', 'Carla']) await api.call('clients.create', { firstName: name });
    const told: { tables: string[]; seq: number }[] = [];
    api.host.onTablesChanged((change) => told.push(change));

    const other = await openApi(api.path);
    await other.backups.restore(backup.path);
    const restoredDesk = deskRow(other.database.sqlite).id;
    await other.close();

    api.host.watchOtherWriters();
    expect(told.at(-1)!.tables).toEqual(expect.arrayContaining(['clients', 'change_log']));
    expect(clientNames(api.host.database.sqlite)).toEqual(['Ana']);
    await api.call('clients.create', { firstName: 'Dora' });
    expect(told.at(-1)!.tables).toContain('clients');
    expect(api.host.database.sqlite.prepare("SELECT desk_id FROM change_log WHERE call = 'clients.create' ORDER BY at DESC LIMIT 1").pluck().get()).toBe(restoredDesk);
  });
});

describe('who may back up and restore', () => {
  it('refuses reception and professionals with forbidden once PINs are on', async () => {
    const owner = await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' });
    const desk = await api.call('staff.create', { name: 'Rita Recepción', role: 'reception' });
    const profe = await api.call('staff.create', { name: 'Pau Profe', role: 'professional' });
    const manager = await api.call('staff.create', { name: 'Mario Encargado', role: 'manager' });
    await api.call('auth.signIn', { staffId: owner.id });
    await api.call('staff.setPin', { staffId: owner.id, pin: '1111' });
    await api.call('staff.setPin', { staffId: desk.id, pin: '3333' });
    await api.call('staff.setPin', { staffId: profe.id, pin: '4444' });
    await api.call('staff.setPin', { staffId: manager.id, pin: '2222' });
    const backup = await api.call('backups.run', {});
    for (const [member, pin] of [
      [desk, '3333'],
      [profe, '4444'],
    ] as const) {
      const { invoke } = api.host.openSession();
      expect(await invoke('auth.signIn', { staffId: member.id, pin })).toMatchObject({ ok: true });
      for (const [call, input] of [
        ['backups.list', {}],
        ['backups.progress', {}],
        ['backups.run', {}],
        ['backups.inspect', { path: backup.path }],
        ['backups.restore', { path: backup.path }],
        ['backups.undoRestore', {}],
        ['backups.setFolder', { folder: null }],
      ] as const) {
        expect(await invoke(call, input), `${member.name} ${call}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    const { invoke } = api.host.openSession();
    await invoke('auth.signIn', { staffId: manager.id, pin: '2222' });
    expect(await invoke('backups.list', {})).toMatchObject({ ok: true });
    expect(readdirSync(backupsDir()).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  });
});

describe('automatic backups', () => {
  it('makes the daily one when the newest regular one is a day old, and one when the app closes', async () => {
    let now = new Date('2027-03-01T08:00:00.000Z');
    await api.host.close();
    const host = await openApi(api.path, { automaticBackups: true, now: () => now });
    try {
      const daily = await host.backups.runDailyIfDue();
      expect(daily).toMatchObject({ kind: 'daily', at: '2027-03-01T08:00:00.000Z' });
      now = new Date('2027-03-02T07:59:00.000Z');
      expect(await host.backups.runDailyIfDue()).toBeNull();
      now = new Date('2027-03-02T08:00:00.000Z');
      expect(await host.backups.runDailyIfDue()).toMatchObject({ kind: 'daily' });
      now = new Date('2027-03-02T18:00:00.000Z');
    } finally {
      await host.close();
    }
    const kinds = (await listBackupsIn(api.dir)).map((b) => [b.kind, b.at]);
    expect(kinds).toEqual([
      ['close', '2027-03-02T18:00:00.000Z'],
      ['daily', '2027-03-02T08:00:00.000Z'],
      ['daily', '2027-03-01T08:00:00.000Z'],
    ]);
    api = await openTempApiIn(api.dir);
  });

  it('keeps 7 daily backups over ten days of a fixed clock', async () => {
    let now = new Date('2027-03-01T20:00:00.000Z');
    const service = createBackupService({ sqlite: api.host.database.sqlite, dbPath: api.path, now: () => now });
    for (let day = 0; day < 10; day++) {
      now = new Date(Date.parse('2027-03-01T20:00:00.000Z') + day * 86_400_000);
      await service.run('daily');
    }
    expect((await listBackupsIn(api.dir)).map((b) => b.at.slice(0, 10))).toEqual([
      '2027-03-10',
      '2027-03-09',
      '2027-03-08',
      '2027-03-07',
      '2027-03-06',
      '2027-03-05',
      '2027-03-04',
      // 1 to 3 March (a Monday to a Wednesday) are gone: the 7th stands for their week, the 10th for March.
    ]);
  });
});

describe('the backup before a migration', () => {
  it('goes into backups/ as kind before-migration, made on the not-yet-migrated file', async () => {
    await api.host.close();
    rmSync(api.path);
    const all = Object.keys(migrations);
    const sqlite = new Sqlite(api.path);
    sqlite.pragma('journal_mode = WAL');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
    await migrate(db, sqlite, Object.fromEntries(Object.entries(migrations).slice(0, -1)), () => null);
    sqlite.prepare("INSERT INTO tags (id, name, name_key, colour, created_at, updated_at) VALUES ('T1', 'VIP', 'vip', '#000000', 'x', 'x')").run();
    await db.destroy();

    api = await openTempApiIn(api.dir);
    expect(api.host.database.migration.applied).toEqual([all.at(-1)]);
    const [backup] = await listBackupsIn(api.dir);
    expect(backup).toMatchObject({ kind: 'before-migration', state: 'ok', contents: { schema: all.at(-2) } });
    expect(readFile(backup!.path, (s) => s.prepare('SELECT name FROM tags').pluck().all())).toEqual(['VIP']);
    expect(api.host.database.migration.backupPath).toBe(backup!.path);
  });
});

describe('offline, from the start-up problem screen', () => {
  it('lists the backups and restores the latest good one over a damaged database', async () => {
    await api.call('clients.create', { firstName: 'Ana' });
    const older = await api.call('backups.run', {});
    await api.call('clients.create', { firstName: 'Bea' });
    await someClients(200, 'Relleno');
    const newer = await api.call('backups.run', {});
    // The newest backup went bad on disk, and so did the live file.
    damageMiddle(newer.path, 64 * 1024);
    await api.host.close();
    damageMiddle(api.path, 64 * 1024);

    expect((await listBackupsIn(api.dir)).map((b) => b.path)).toEqual([newer.path, older.path]);
    const report = await restoreLatestGoodBackup(api.path);
    expect(report).toMatchObject({ restoredFrom: older.path, contents: { counts: { clients: 1 } } });
    expect(report.keptAside).not.toBeNull();

    api = await openTempApiIn(api.dir);
    expect(clientNames(api.host.database.sqlite)).toEqual(['Ana']);
    expect((await api.call('backups.list', {})).undo).toMatchObject({ restoredFrom: older.path, keptAside: report.keptAside });
  });

  it('refuses with backup_damaged when no backup is usable', async () => {
    await api.host.close();
    await expect(restoreLatestGoodBackup(api.path)).rejects.toMatchObject({ code: 'backup_damaged' });
    api = await openTempApiIn(api.dir);
  });
});
