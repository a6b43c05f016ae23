import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrations } from '../../migrations/index';
import { ImmediateSqliteDialect } from '../../src-main/db/immediate-dialect';
import { migrate } from '../../src-main/db/migrate';
import { openDatabase } from '../../src-main/db/open-database';
import { replayFeed } from '../../src-main/db/feed/replay';
import { localColumns } from '../../src-main/db/feed/table-kinds';
import { syncedTableShapes } from '../../src-main/db/feed/table-shapes';
import { expirePassesAtStartUp } from '../../src-main/db/queries/expire-passes';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';
import { fixClock, NOW, passesWorld, yogaClass } from './passes-world';

interface FeedRow {
  seq: number;
  desk_id: string;
  tbl: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete' | 'erase';
  data: string | null;
  redacted: number;
}

function feed(api: TempApi, afterSeq = 0): FeedRow[] {
  return api.host.database.sqlite.prepare('SELECT * FROM feed WHERE seq > ? ORDER BY seq').all(afterSeq) as FeedRow[];
}

function lastSeq(api: TempApi): number {
  return Number(api.host.database.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM feed').pluck().get());
}

/** Every synced table of both files, row for row (local columns aside), as the replay test compares them. */
function expectSameData(a: Sqlite.Database, b: Sqlite.Database): void {
  for (const shape of syncedTableShapes(a)) {
    const columns = shape.allColumns.filter((c) => !(c in (localColumns[shape.name] ?? {}))).map((c) => `"${c}"`);
    const query = `SELECT ${columns.join(', ')} FROM "${shape.name}" ORDER BY ${shape.primaryKey.map((c) => `"${c}"`).join(', ')}`;
    expect(b.prepare(query).all(), shape.name).toEqual(a.prepare(query).all());
  }
}

async function replayInto(api: TempApi): Promise<ReturnType<typeof openDatabase>> {
  const target = await openDatabase(join(api.dir, `replay-${Date.now()}.db`));
  await replayFeed(target, feed(api));
  return target;
}

let api: TempApi;

beforeEach(async () => {
  api = await openTempApi();
});

afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

describe('the change feed', () => {
  it('records every row a call changes, in order, in its transaction: a cancelled booking with its credit, waitlist and notifications', async () => {
    fixClock(NOW);
    const world = await passesWorld(api);
    const occurrence = await yogaClass(api, world, '2027-03-05', '18:00', { places: 1 });
    const product = await api.call('passProducts.create', {
      name: 'Bono 10',
      credits: 10,
      validity: { kind: 'days', days: 60 },
      priceMinor: 9000,
      sessionTypeIds: [world.yoga],
      serviceIds: [],
    });
    await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'pass', passProductId: product.id }], payments: [{ method: 'cash', amountMinor: 9000 }] });
    const booking = await api.call('sessions.book', { occurrenceId: occurrence, clientId: world.ana, redeemPass: true });
    await api.call('sessions.book', { occurrenceId: occurrence, clientId: world.eva });
    const before = lastSeq(api);

    await api.call('sessions.cancelBooking', { bookingId: booking.id });
    const changed = feed(api, before);
    const tables = new Set(changed.map((row) => row.tbl));
    // The booking, the credit given back, the freed place's notification and the audit entry; one desk, gap-free.
    expect([...tables].sort()).toEqual(expect.arrayContaining(['bookings', 'change_log', 'credit_ledger', 'desk_notifications']));
    expect(changed.map((row) => row.seq)).toEqual(changed.map((_, i) => before + 1 + i));
    expect(new Set(changed.map((row) => row.desk_id)).size).toBe(1);
    const update = changed.find((row) => row.tbl === 'bookings' && row.op === 'update')!;
    expect(JSON.parse(update.row_id)).toEqual([booking.id]);
    // Only what changed, with its new value; kept counts are not in the feed (each desk recomputes them).
    expect(JSON.parse(update.data!)).toMatchObject({ status: 'cancelled' });
    expect(Object.keys(JSON.parse(update.data!))).not.toContain('client_id');
    expect(changed.some((row) => row.tbl === 'occurrences')).toBe(false);
    const target = await replayInto(api);
    expectSameData(api.host.database.sqlite, target.sqlite);
    await target.close();
  });

  it('records a whole row on insert and a tombstone on delete', async () => {
    const tag = await api.call('tags.create', { name: 'VIP', colour: '#112233' });
    await api.call('tags.delete', { id: tag.id });
    const rows = feed(api).filter((row) => row.tbl === 'tags');
    expect(rows.map((row) => row.op)).toEqual(['insert', 'delete']);
    expect(JSON.parse(rows[0]!.data!)).toMatchObject({ id: tag.id, name: 'VIP', name_key: 'vip', colour: '#112233' });
    expect(rows[1]!.data).toBeNull();
  });

  it('writes nothing when a call is refused', async () => {
    await api.call('clients.create', { firstName: 'Ana' });
    const before = lastSeq(api);
    await api.refuse('clients.create', { firstName: 'Eva', phone: '123' });
    await api.refuse('tags.update', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', name: 'X' });
    await api.call('clients.search', { query: 'ana' });
    expect(lastSeq(api)).toBe(before);
  });

  it('holds what start-up jobs write: passes expiring', async () => {
    fixClock(NOW);
    const world = await passesWorld(api);
    const product = await api.call('passProducts.create', { name: 'Bono 5', credits: 5, validity: { kind: 'days', days: 3 }, priceMinor: 4000, sessionTypeIds: [world.yoga], serviceIds: [] });
    await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'pass', passProductId: product.id }], payments: [{ method: 'card', amountMinor: 4000 }] });
    const before = lastSeq(api);
    fixClock('2027-03-10T09:00:00.000Z');
    expect(await expirePassesAtStartUp(api.host.database.db)).toBe(1);
    const expiry = feed(api, before);
    expect(expiry).toHaveLength(1);
    expect(expiry[0]).toMatchObject({ tbl: 'credit_ledger', op: 'insert' });
    expect(JSON.parse(expiry[0]!.data!)).toMatchObject({ kind: 'expiry', delta: -5 });
    const target = await replayInto(api);
    expectSameData(api.host.database.sqlite, target.sqlite);
    // The balance is derived: the replay's own trigger recomputed it from the ledger.
    expect(target.sqlite.prepare('SELECT balance FROM client_passes').pluck().get()).toBe(0);
    await target.close();
  });

  it('holds what start-up jobs write: open-ended series extended', async () => {
    const ana = await api.call('staff.create', { name: 'Ana', role: 'professional' });
    const { series } = await api.call('series.create', {
      title: 'Pilates',
      organizerId: ana.id,
      startDate: new Date().toISOString().slice(0, 10),
      startTime: '09:00',
      durationMin: 60,
      recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'never' } },
    });
    const sqlite = api.host.database.sqlite;
    const cut = sqlite.prepare('SELECT local_date FROM occurrences WHERE series_id = ? ORDER BY local_date LIMIT 1 OFFSET 5').pluck().get(series.id) as string;
    // As if the rows had been made long ago (written around the app on purpose: the feed records even this).
    sqlite.prepare('DELETE FROM occurrences WHERE series_id = ? AND local_date > ?').run(series.id, cut);
    sqlite.prepare('UPDATE series SET materialised_until = ? WHERE id = ?').run(cut, series.id);
    const before = lastSeq(api);
    await api.host.database.close();
    api = await openTempApiIn(api.dir);
    const extended = feed(api, before);
    expect(extended.filter((row) => row.tbl === 'occurrences' && row.op === 'insert').length).toBeGreaterThan(90);
    expect(extended.some((row) => row.tbl === 'series' && row.op === 'update')).toBe(true);
    const target = await replayInto(api);
    expectSameData(api.host.database.sqlite, target.sqlite);
    await target.close();
  });

  it('keeps nothing personal of an erased client: only the erasure, by id', async () => {
    fixClock(NOW);
    const world = await passesWorld(api);
    const { client } = await api.call('clients.create', {
      firstName: 'Zuriñe',
      lastName: 'Olabarrieta',
      phone: '612 98 76 54',
      email: 'zurine@example.com',
      notes: 'Alérgica al látex',
    });
    const occurrence = await yogaClass(api, world, '2027-03-05', '18:00');
    await api.call('sessions.book', { occurrenceId: occurrence, clientId: client.id });
    const sale = await api.call('checkout.commit', { clientId: client.id, lines: [{ kind: 'service', serviceId: world.corte }], payments: [{ method: 'cash', amountMinor: 1800 }] });
    await api.call('clients.delete', { id: client.id });

    const rows = feed(api);
    const text = JSON.stringify(rows).toLowerCase();
    for (const needle of ['zuriñe', 'olabarrieta', '987654', 'zurine@example.com', 'látex']) expect(text).not.toContain(needle);
    // Their id stays only in the erasure itself and in the audit entry of the deletion (an id, no data).
    const naming = rows.filter((row) => row.data?.includes(client.id) || row.row_id.includes(client.id));
    expect(naming.filter((row) => row.op === 'erase')).toEqual([expect.objectContaining({ tbl: 'clients', row_id: JSON.stringify([client.id]), data: null })]);
    expect(naming.filter((row) => row.data !== null).map((row) => [row.tbl, JSON.parse(row.data!).call])).toEqual([['change_log', 'clients.delete']]);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
    // The sale stays for the books, anonymous; a copy built from the feed is the same database.
    const target = await replayInto(api);
    expect(target.sqlite.prepare('SELECT client_id FROM sales WHERE id = ?').pluck().get(sale.id)).toBeNull();
    expectSameData(api.host.database.sqlite, target.sqlite);
    await target.close();
  });

  it('the same person may be created again after an erasure, and both replay', async () => {
    const first = await api.call('clients.create', { firstName: 'Nerea', phone: '611223344' });
    await api.call('clients.delete', { id: first.client.id });
    const again = await api.call('clients.create', { firstName: 'Nerea', phone: '611223344' });
    const target = await replayInto(api);
    expectSameData(api.host.database.sqlite, target.sqlite);
    // The copy's search index is its own and finds them.
    const found = target.sqlite.prepare("SELECT c.id FROM client_search s JOIN clients c ON c.search_rowid = s.rowid WHERE client_search MATCH 'nerea*'").pluck().all();
    expect(found).toEqual([again.client.id]);
    await target.close();
  });

  it('puts back at start-up a feed trigger dropped by hand, so no table is ever missed', async () => {
    api.host.database.sqlite.exec('DROP TRIGGER feed_tags_insert');
    await api.host.database.close();
    api = await openTempApiIn(api.dir);
    const tag = await api.call('tags.create', { name: 'Mañanas' });
    expect(feed(api).some((row) => row.tbl === 'tags' && JSON.parse(row.row_id)[0] === tag.id)).toBe(true);
  });

  it('does not record this desk’s own tables', async () => {
    const owner = await api.call('staff.create', { name: 'Olga', role: 'owner' });
    await api.call('staff.setPin', { staffId: owner.id, pin: '2468' });
    const before = lastSeq(api);
    const session = api.host.openSession();
    await session.invoke('auth.signIn', { staffId: owner.id, pin: '1111' });
    expect(api.host.database.sqlite.prepare('SELECT failures FROM pin_attempts').pluck().get()).toBe(1);
    expect(lastSeq(api)).toBe(before);
    const tables = new Set(feed(api).map((row) => row.tbl));
    for (const local of ['pin_attempts', 'desk_identity', 'feed', 'feed_paused', 'client_search', 'schema_migrations']) expect(tables.has(local)).toBe(false);
  });

  it('gives each installation a desk id of its own, kept across restarts', async () => {
    const other = await openTempApi();
    const deskOf = (a: TempApi) => a.host.database.sqlite.prepare('SELECT id FROM desk_identity').pluck().get() as string;
    const mine = deskOf(api);
    expect(mine).toMatch(/^[0-9a-f]{32}$/);
    // Named after the machine on first start.
    expect(api.host.database.sqlite.prepare('SELECT name FROM desk_identity').pluck().get()).not.toBe('');
    expect(deskOf(other)).not.toBe(mine);
    await api.host.database.close();
    api = await openTempApiIn(api.dir);
    expect(deskOf(api)).toBe(mine);
    await other.call('tags.create', { name: 'X' });
    expect(new Set(other.host.database.sqlite.prepare('SELECT desk_id FROM feed').pluck().all())).toEqual(new Set([deskOf(other)]));
    await other.close();
  });
});

describe('a database from before the feed', () => {
  it('starts its feed with every existing row, parents first, so a replay is the whole database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-pre-feed-'));
    try {
      const path = join(dir, 'mostrador.db');
      // Migrate to 0004 only and fill it the way 0004's schema had it.
      const sqlite = new Sqlite(path);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      const db = new Kysely({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
      const upTo0004 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0005'));
      await migrate(db as never, sqlite, upTo0004, () => null);
      const at = '2026-11-02T10:00:00.000Z';
      sqlite.exec(`
        INSERT INTO staff (id, name, name_key, colour, role, active, created_at, updated_at) VALUES ('01JA0000000000000000000001', 'Ana', 'ana', '#112233', 'professional', 1, '${at}', '${at}');
        INSERT INTO clients (id, search_rowid, first_name, sort_name, registered_on, created_at, updated_at) VALUES ('01JA0000000000000000000002', 1, 'Eva', 'eva', '2026-11-02', '${at}', '${at}');
        INSERT INTO client_search (rowid, words) VALUES (1, 'eva');
        INSERT INTO series (id, kind, title, mode, organizer_id, start_date, start_time, duration_min, time_zone, attendance_mode, tag_match, materialised_until, created_at, updated_at)
          VALUES ('01JA0000000000000000000003', 'session', 'Yoga', 'in_person', '01JA0000000000000000000001', '2026-11-09', '09:00', 60, 'Europe/Madrid', 'booking', 'all', '2026-11-09', '${at}', '${at}');
        INSERT INTO occurrences (id, series_id, series_date, local_date, local_start, starts_at, ends_at, title, organizer_id, places, status, created_at, updated_at)
          VALUES ('01JA0000000000000000000004', '01JA0000000000000000000003', '2026-11-09', '2026-11-09', '09:00', '2026-11-09T08:00:00.000Z', '2026-11-09T09:00:00.000Z', 'Yoga', '01JA0000000000000000000001', 8, 'scheduled', '${at}', '${at}');
        INSERT INTO bookings (id, occurrence_id, client_id, status, source, created_at, updated_at) VALUES ('01JA0000000000000000000005', '01JA0000000000000000000004', '01JA0000000000000000000002', 'booked', 'desk', '${at}', '${at}');
        INSERT INTO desk_state (key, value, updated_at) VALUES ('staff_id', '01JA0000000000000000000001', '${at}');`);
      await db.destroy();
      copyFileSync(path, join(dir, 'before.db'));

      const migrated = await openTempApiIn(dir);
      try {
        const rows = feed(migrated);
        expect(rows.map((row) => `${row.op} ${row.tbl}`)).toEqual(
          expect.arrayContaining(['insert staff', 'insert clients', 'insert series', 'insert occurrences', 'insert bookings']),
        );
        const order = rows.map((row) => row.tbl);
        expect(order.indexOf('occurrences')).toBeLessThan(order.indexOf('bookings'));
        expect(order.indexOf('clients')).toBeLessThan(order.indexOf('bookings'));
        // The staff row keeps its role and gains no PIN; the old desk row is gone with its table.
        expect(await migrated.call('staff.list', {})).toEqual([expect.objectContaining({ name: 'Ana', role: 'professional', hasPin: false })]);
        const target = await replayInto(migrated);
        expectSameData(migrated.host.database.sqlite, target.sqlite);
        expect(target.sqlite.prepare('SELECT held_count FROM occurrences').pluck().get()).toBe(1);
        await target.close();
      } finally {
        await migrated.host.database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
