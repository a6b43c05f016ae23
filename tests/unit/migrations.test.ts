import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../migrations/index';
import { migrations } from '../../migrations/index';
import { AppError } from '../../src-main/errors/app-error';
import type { Database } from '../../src-main/db/database';
import { migrate } from '../../src-main/db/migrate';
import { openDatabase } from '../../src-main/db/open-database';

const migrationsDir = join(import.meta.dirname, '../../migrations');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mostrador-migrations-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function appliedNames(sqlite: Sqlite.Database): string[] {
  return sqlite
    .prepare('SELECT name FROM schema_migrations ORDER BY name')
    .pluck()
    .all()
    .map((name) => String(name));
}

function tableNames(sqlite: Sqlite.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all()
    .map((name) => String(name));
}

/** A raw handle, as openDatabase builds it, for driving migrate() with a chosen list. */
function rawHandle(path: string) {
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}

const extra: Migration = {
  async up(db) {
    await sql`CREATE TABLE test_extra (id TEXT PRIMARY KEY) STRICT`.execute(db);
  },
};

describe('the migration list', () => {
  it('lists every numbered file of migrations/, in order', () => {
    const files = readdirSync(migrationsDir)
      .filter((file) => /^\d{4}-.+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(migrations)).toEqual(files);
  });

  it('leaves no stray file in migrations/', () => {
    // synced-schema.json is the schema guard's snapshot of the synced columns (tests/unit/schema-guard.test.ts).
    const stray = readdirSync(migrationsDir).filter((file) => file !== 'index.ts' && file !== 'synced-schema.json' && !/^\d{4}-[a-z0-9-]+\.ts$/.test(file));
    expect(stray).toEqual([]);
  });

  it('holds distinct numbers', () => {
    const numbers = Object.keys(migrations).map((name) => name.slice(0, 4));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe('openDatabase', () => {
  it('migrates an empty file to the full schema, without a backup', async () => {
    const path = join(dir, 'mostrador.db');
    const database = await openDatabase(path);
    expect(database.migration.applied).toEqual(Object.keys(migrations));
    expect(database.migration.backupPath).toBeNull();
    expect(appliedNames(database.sqlite)).toEqual(Object.keys(migrations));
    expect(tableNames(database.sqlite)).toEqual(
      expect.arrayContaining(['centre_settings', 'clients', 'client_search', 'tags', 'client_tags', 'custom_fields', 'client_custom_values', 'change_log']),
    );
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await database.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('applies nothing when reopening an up-to-date file', async () => {
    const path = join(dir, 'mostrador.db');
    await (await openDatabase(path)).close();
    const again = await openDatabase(path);
    expect(again.migration).toEqual({ applied: [], backupPath: null });
    await again.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a database migrated by a newer app with database_newer and leaves the file untouched', async () => {
    const path = join(dir, 'mostrador.db');
    const database = await openDatabase(path);
    database.sqlite.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run('9999-from-the-future', new Date().toISOString());
    await database.close();
    const before = sha256(path);
    const filesBefore = readdirSync(dir).sort();

    let caught: unknown;
    try {
      await openDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('database_newer');
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });
});

describe('migrate', () => {
  it('copies the file aside before running a pending migration on a database that had some', async () => {
    const path = join(dir, 'mostrador.db');
    const first = rawHandle(path);
    const initial = await migrate(first.db, first.sqlite, migrations, () => join(dir, 'never.bak'));
    expect(initial.backupPath).toBeNull();
    first.sqlite.prepare("INSERT INTO tags (id, name, name_key, colour, created_at, updated_at) VALUES ('T1', 'VIP', 'vip', '#000000', 'x', 'x')").run();
    await first.db.destroy();

    const second = rawHandle(path);
    const backup = join(dir, 'mostrador.db.before-9000.bak');
    const report = await migrate(second.db, second.sqlite, { ...migrations, '9000-test-extra': extra }, (pending) => {
      expect(pending).toBe('9000-test-extra');
      return backup;
    });
    expect(report).toEqual({ applied: ['9000-test-extra'], backupPath: backup });
    expect(tableNames(second.sqlite)).toContain('test_extra');
    await second.db.destroy();

    expect(existsSync(backup)).toBe(true);
    const copy = new Sqlite(backup, { readonly: true });
    try {
      expect(appliedNames(copy)).toEqual(Object.keys(migrations));
      expect(tableNames(copy)).not.toContain('test_extra');
      expect(copy.prepare('SELECT name FROM tags').pluck().all()).toEqual(['VIP']);
    } finally {
      copy.close();
    }
  });

  it('runs all pending migrations in one transaction: a failing one leaves nothing applied', async () => {
    const path = join(dir, 'mostrador.db');
    const handle = rawHandle(path);
    await migrate(handle.db, handle.sqlite, migrations, () => null);
    const failing: Migration = {
      async up() {
        throw new Error('boom');
      },
    };
    await expect(
      migrate(handle.db, handle.sqlite, { ...migrations, '9000-test-extra': extra, '9001-test-failing': failing }, () => null),
    ).rejects.toThrow('boom');
    expect(appliedNames(handle.sqlite)).toEqual(Object.keys(migrations));
    expect(tableNames(handle.sqlite)).not.toContain('test_extra');
    await handle.db.destroy();
  });
});

describe('0004-checkout on a database with bookings and appointments', () => {
  it('keeps every booking and appointment, owing no credit (credit_state none, no pass)', async () => {
    const path = join(dir, 'mostrador.db');
    const handle = rawHandle(path);
    const upTo0003 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0004'));
    await migrate(handle.db, handle.sqlite, upTo0003, () => null);
    const run = (statement: string) => handle.sqlite.prepare(statement).run();
    const at = "'2026-11-01T10:00:00.000Z'";
    run(`INSERT INTO staff VALUES ('S1', 'Ana', 'ana', '#000000', 'professional', 1, ${at}, ${at})`);
    run(`INSERT INTO clients (id, search_rowid, first_name, sort_name, registered_on, created_at, updated_at) VALUES ('C1', 1, 'Eva', 'eva', '2026-11-01', ${at}, ${at})`);
    run(`INSERT INTO services (id, name, name_key, duration_min, price_minor, created_at, updated_at) VALUES ('V1', 'Masaje', 'masaje', 60, 5000, ${at}, ${at})`);
    run(`INSERT INTO series (id, kind, title, mode, organizer_id, start_date, start_time, duration_min, time_zone, attendance_mode, tag_match, materialised_until, created_at, updated_at)
         VALUES ('R1', 'session', 'Yoga', 'in_person', 'S1', '2026-11-02', '10:00', 60, 'Europe/Madrid', 'booking', 'any', '2026-11-02', ${at}, ${at})`);
    run(`INSERT INTO occurrences (id, series_id, series_date, local_date, local_start, starts_at, ends_at, title, organizer_id, status, created_at, updated_at)
         VALUES ('O1', 'R1', '2026-11-02', '2026-11-02', '10:00', '2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z', 'Yoga', 'S1', 'scheduled', ${at}, ${at})`);
    run(`INSERT INTO bookings (id, occurrence_id, client_id, status, source, created_at, updated_at) VALUES ('B1', 'O1', 'C1', 'booked', 'desk', ${at}, ${at})`);
    run(`INSERT INTO appointments (id, client_id, staff_id, service_id, starts_at, ends_at, local_date, local_start, local_end, buffer_before_min, buffer_after_min,
         blocked_from, blocked_until, status, source, created_at, updated_at)
         VALUES ('A1', 'C1', 'S1', 'V1', '2026-11-03T09:00:00.000Z', '2026-11-03T10:00:00.000Z', '2026-11-03', '10:00', '11:00', 0, 0,
         '2026-11-03T09:00:00.000Z', '2026-11-03T10:00:00.000Z', 'booked', 'desk', ${at}, ${at})`);

    const upTo0004 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0005'));
    const report = await migrate(handle.db, handle.sqlite, upTo0004, () => null);
    expect(report.applied).toEqual(['0004-checkout']);
    const credit = (table: string) => handle.sqlite.prepare(`SELECT id, status, credit_state, client_pass_id, pay_with_pass FROM ${table}`).all();
    expect(credit('bookings')).toEqual([{ id: 'B1', status: 'booked', credit_state: 'none', client_pass_id: null, pay_with_pass: 0 }]);
    expect(credit('appointments')).toEqual([{ id: 'A1', status: 'booked', credit_state: 'none', client_pass_id: null, pay_with_pass: 0 }]);
    expect(handle.sqlite.prepare('SELECT held_count FROM occurrences').pluck().get()).toBe(1);
    await handle.db.destroy();
  });
});
