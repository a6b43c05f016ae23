import { expect } from 'vitest';
import { afterAll, beforeAll } from 'vitest';
import type { TestCloud } from './test-cloud';
import { serverRows, startTestCloud } from './test-cloud';
import type { SyncedDesk } from './sync-desks';
import { openSyncedDesk } from './sync-desks';
import { dayFromToday } from './agenda-fixtures';
import { setCentreFiscal } from './fiscal-data';
import { localToInstant } from '../../src-main/engine/time/local-time';

/**
 * A small centre made on one desk through the real API, for the desk↔server tests: a professional
 * with an appointment schedule (5 minutes kept free after each appointment), a yoga session type
 * redeemable with passes, a one-credit pass, and a Spanish-speaking centre in Madrid.
 */
export interface SyncWorld {
  profe: string;
  estetica: string;
  yoga: string;
  manicura: string;
  bonoUno: string;
}

export const zone = 'Europe/Madrid';

/** The ISO instant of a Madrid wall-clock time `days` from today. */
export function madridAt(days: number, time: string): string {
  return localToInstant(dayFromToday(days, zone), time, zone).toISOString();
}

export async function syncWorld(desk: SyncedDesk): Promise<SyncWorld> {
  await desk.call('settings.update', { name: 'Estudio Luz', country: 'ES', timeZone: zone, currency: 'EUR', language: 'es' });
  await setCentreFiscal(desk.host);
  const profe = (await desk.call('staff.create', { name: 'Paula Yoga', role: 'professional' })).id;
  const estetica = (await desk.call('staff.create', { name: 'Nora Estética', role: 'professional' })).id;
  const yoga = (await desk.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 })).id;
  const manicura = (await desk.call('services.create', { name: 'Manicura', durationMin: 30, priceMinor: 2000 })).id;
  await desk.call('schedules.create', {
    staffId: estetica,
    name: 'Estética',
    durationMin: 30,
    bufferAfterMin: 5,
    horizonDays: 90,
    serviceIds: [manicura],
    ranges: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '20:00' })),
  });
  const bonoUno = (
    await desk.call('passProducts.create', { name: 'Bono 1 clase', credits: 1, sessionTypeIds: [yoga], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 1200 })
  ).id;
  return { profe, estetica, yoga, manicura, bonoUno };
}

/** A one-off yoga class `days` from today at a Madrid time, redeemable with passes; answers its occurrence. */
export async function yogaClass(desk: SyncedDesk, world: SyncWorld, days: number, time: string, places: number): Promise<string> {
  const { series } = await desk.call('series.create', {
    title: 'Yoga',
    organizerId: world.profe,
    sessionTypeId: world.yoga,
    startDate: dayFromToday(days, zone),
    startTime: time,
    durationMin: 60,
    places,
    redeemableWithPasses: true,
  });
  return desk.host.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ? ORDER BY starts_at').pluck().get(series.id) as string;
}

export async function newClient(desk: SyncedDesk, firstName: string, lastName: string, more: { phone?: string; email?: string; notes?: string } = {}): Promise<string> {
  return (await desk.call('clients.create', { firstName, lastName, ...more })).client.id;
}

/** Sells a pass at the desk, paid cash; answers the client's new pass. */
export async function sellPass(desk: SyncedDesk, clientId: string, passProductId: string): Promise<string> {
  const line = { kind: 'pass' as const, passProductId };
  const quote = await desk.call('checkout.quote', { clientId, lines: [line] });
  const sale = await desk.call('checkout.commit', { clientId, lines: [line], payments: [{ method: 'cash', amountMinor: quote.totalMinor }] });
  const pass = (await desk.call('passes.ofClient', { clientId })).find((p) => p.saleId === sale.id);
  if (!pass) throw new Error('the sold pass is not on the card');
  return pass.id;
}

/** Sync cycles until neither desk has anything waiting and both have the server's head. */
export async function syncAll(...desks: SyncedDesk[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const desk of desks) await desk.sync();
  for (const desk of desks) {
    const status = await desk.call('sync.status', {});
    expect(status.lastError, `${desk.path}: ${JSON.stringify(status.lastError)}`).toBeNull();
    expect(status.waiting).toBe(0);
  }
}

type Row = Record<string, unknown>;

/** A desk's rows of a table, as the feed carries them (derived and local columns left out), by primary key. */
export function deskRows(desk: SyncedDesk, table: string, where = '1 = 1', ...params: unknown[]): Row[] {
  const sqlite = desk.host.database.sqlite;
  const rows = sqlite.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...params) as Row[];
  return rows.map((row) => withoutLocal(table, row));
}

const notCompared: Readonly<Record<string, readonly string[]>> = {
  clients: ['search_rowid'],
  change_log: ['synced_at'],
  occurrences: ['held_count', 'waitlist_count'],
  client_passes: ['balance'],
};

function withoutLocal(table: string, row: Row): Row {
  const copy = { ...row };
  for (const column of notCompared[table] ?? []) delete copy[column];
  return copy;
}

/** The server's rows of a table (optionally only those matching `keep`), without the columns desks keep for themselves. */
export async function cloudRows(cloud: TestCloud, table: string, keep: (row: Row) => boolean = () => true): Promise<Row[]> {
  return ((await serverRows(cloud.pool, cloud.centreId))[table] ?? []).filter(keep).map((row) => withoutLocal(table, row));
}

const byJson = (rows: Row[]) => rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();

/**
 * The same rows of `table` on every desk and on the server (`where` filters on the desks; the same
 * filter in JS, `keep`, on the server's copy).
 */
export async function expectSameRows(cloud: TestCloud, desks: SyncedDesk[], table: string, where: { sql: string; params: unknown[]; keep: (row: Row) => boolean }): Promise<Row[]> {
  const rows = await cloudRows(cloud, table, where.keep);
  for (const desk of desks) expect(byJson(deskRows(desk, table, where.sql, ...where.params)), `${table} on ${desk.path}`).toEqual(byJson(rows));
  return rows;
}

/** Rows of `table` whose `column` is `value`, on desks and server alike. */
export function whereColumn(column: string, value: unknown) {
  return { sql: `${column} = ?`, params: [value], keep: (row: Row) => row[column] === value };
}

export interface TwoDesks {
  cloud: TestCloud;
  a: SyncedDesk;
  b: SyncedDesk;
  world: SyncWorld;
}

/**
 * For a describe block: a server and two desks ("Recepción A" and "B") sharing the centre built on
 * A, synced, before its tests; closed after. Read the fields inside the tests (they are set then).
 */
export function twoSyncedDesks(): TwoDesks {
  const desks = {} as TwoDesks;
  beforeAll(async () => {
    desks.cloud = await startTestCloud();
    desks.a = await openSyncedDesk({ url: desks.cloud.url, key: await desks.cloud.newDeskKey('A') }, 'Recepción A');
    desks.b = await openSyncedDesk({ url: desks.cloud.url, key: await desks.cloud.newDeskKey('B') }, 'Recepción B');
    desks.world = await syncWorld(desks.a);
    await syncAll(desks.a, desks.b);
  });
  afterAll(async () => {
    await desks.a?.close();
    await desks.b?.close();
    await desks.cloud?.close();
  });
  return desks;
}
