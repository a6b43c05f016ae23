import { dirname, join } from 'node:path';
import pg from 'pg';
import { syncLimits } from '../../src-shared/sync/protocol';
import { createCentre, createDeskKey } from '../../src-cloud/admin';
import type { CloudServer } from '../../src-cloud/server';
import { startCloudServer } from '../../src-cloud/server';
import type { ApiHost, OpenApiOptions } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { readDeskIdentity } from '../../src-main/db/queries/desk-identity';
import { readOutbox } from '../../src-main/db/sync/outbox';
import { settlePush } from '../../src-main/db/sync/settle-push';
import { readSyncState } from '../../src-main/db/sync/sync-state';
import { addDays } from '../../src-main/engine/time/local-time';
import { createSyncClient } from '../../src-main/sync/sync-client';
import { dropDatabase, freshDatabase, noPostgresMessage, startPostgresCluster } from '../helpers/postgres-cluster';
import { benchCaller, withBenchDb } from './bench-db';
import { seedAgenda } from './seed-agenda';
import type { BenchResult } from './stats';
import { percentile, summarize } from './stats';

type Log = (line: string) => void;

interface Cloud {
  server: CloudServer;
  pool: pg.Pool;
  /** A new centre and one key per label. */
  centre(name: string, labels: string[]): Promise<string[]>;
}

/** What the desks' fetches did: every request's path, start and end (body read), in ms. */
interface Traffic {
  fetch: typeof fetch;
  requests: { path: string; start: number; end: number }[];
}

function recordedFetch(): Traffic {
  const requests: Traffic['requests'] = [];
  const recorded: typeof fetch = async (input, init) => {
    const start = performance.now();
    const response = await fetch(input, init);
    const body = await response.text();
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push({ path: url.pathname, start, end: performance.now() });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: recorded, requests };
}

/** A desk on its own file in `dir`, served through the real API, with sync on towards the server (cycles only when asked). */
async function openDesk(dir: string, name: string, cloud: Cloud, key: string, sync: OpenApiOptions['sync'] = {}) {
  const host = await openApi(join(dir, `${name}.db`), { sync: { ...sync, start: false } });
  const call = benchCaller(host);
  await call('sync.configure', { endpoint: cloud.server.url, key, enabled: true });
  return { host, call };
}

/** One sync cycle that must end synced (the agent records a failure instead of throwing). */
async function syncOnce(host: ApiHost): Promise<void> {
  await host.sync.syncNow();
  const state = await readSyncState(host.database.db);
  if (state.last_error_code) throw new Error(`sync failed during the bench: ${state.last_error_code} ${state.last_error_detail ?? ''}`);
}

/**
 * Uploads a desk's whole feed through the real push path (POST /v1/push, settled on the desk as
 * the agent settles it), 1,000 entries a batch, without downloading anything back: seeding only.
 */
async function pushFeed(host: ApiHost, cloud: Cloud, key: string, log: Log): Promise<number> {
  const { database } = host;
  const { id: deskId, name: deskName } = await readDeskIdentity(database.db);
  const client = createSyncClient({ endpoint: cloud.server.url, key, deskId });
  let through = (await readSyncState(database.db)).pushed_through;
  const total = Number(database.sqlite.prepare('SELECT count(*) FROM feed WHERE seq > ?').pluck().get(through));
  const start = performance.now();
  let sent = 0;
  let batches = 0;
  for (;;) {
    const batch = readOutbox(database.sqlite, through, syncLimits.maxBatchChanges);
    if (batch.changes.length === 0) break;
    const answer = await client.push({ deskId, deskName, changes: batch.changes, groups: batch.groups });
    if (answer.refused.length > 0) throw new Error(`the server refused ${answer.refused.length} seeded group(s): ${JSON.stringify(answer.refused[0])}`);
    await settlePush(database, answer, new Date().toISOString());
    through = answer.appliedThrough;
    sent += batch.changes.length;
    if (++batches % 50 === 0) log(`  pushed ${sent.toLocaleString('en')} / ${total.toLocaleString('en')} entries (${((performance.now() - start) / 1000).toFixed(0)} s)`);
  }
  return sent;
}

const pageSize = 500;
const pullWarmup = 3;
const pullPages = 25;

/**
 * sync.pull: a page of 500 server changes applied on a desk. Desk A writes through the API a mix
 * of clients created, sessions booked and appointments booked (with their audit entries) and
 * uploads them; desk B downloads them in one sync cycle with pages of 500. Each page's time runs
 * from its pull request to the next one: the HTTP request, and the page applied in its transaction.
 */
export async function syncPullBench(cloud: Cloud, dir: string, log: Log): Promise<BenchResult> {
  const [keyA, keyB] = await cloud.centre('Pull', ['A', 'B']);
  const a = await openDesk(dir, 'pull-a', cloud, keyA!);
  const traffic = recordedFetch();
  const b = await openDesk(dir, 'pull-b', cloud, keyB!, { pullLimit: pageSize, fetch: traffic.fetch });
  try {
    const staffIds: string[] = [];
    for (let i = 0; i < 4; i++) staffIds.push((await a.call('staff.create', { name: `Profesional ${i + 1}`, role: 'professional' })).id);
    const service = await a.call('services.create', { name: 'Masaje', durationMin: 30, priceMinor: 3000 });
    const today = new Date().toISOString().slice(0, 10);
    const series = await a.call('series.create', {
      title: 'Pilates',
      organizerId: staffIds[0]!,
      startDate: addDays(today, 1),
      startTime: '10:00',
      durationMin: 60,
      places: 10_000,
      recurrence: { weekdays: [1, 2, 3, 4, 5, 6], intervalWeeks: 1, end: { kind: 'weeks', weeks: 8 } },
    });
    const occurrenceIds = a.host.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ? ORDER BY starts_at').pluck().all(series.series.id) as string[];
    await pushFeed(a.host, cloud, keyA!, log);
    await syncOnce(b.host);

    // What desk A does: a new client, booked into a session and given an appointment.
    const feedSize = () => Number(a.host.database.sqlite.prepare('SELECT coalesce(max(seq), 0) - (SELECT pushed_through FROM sync_state) FROM feed').pluck().get());
    const wanted = (pullWarmup + pullPages) * pageSize + 1;
    const firstSlot = Date.parse(`${addDays(today, 2)}T08:00:00Z`);
    let made = 0;
    while (feedSize() < wanted) {
      const { client } = await a.call('clients.create', { firstName: 'Cliente', lastName: `Pull ${made}`, phone: `+34 699 ${String(made).padStart(6, '0')}` });
      await a.call('sessions.book', { occurrenceId: occurrenceIds[made % occurrenceIds.length]!, clientId: client.id });
      await a.call('appointments.book', {
        clientId: client.id,
        staffId: staffIds[made % staffIds.length]!,
        serviceId: service.id,
        startsAt: new Date(firstSlot + Math.floor(made / staffIds.length) * 30 * 60_000).toISOString(),
        override: true,
      });
      made += 1;
    }
    const kinds = a.host.database.sqlite.prepare('SELECT tbl, count(*) AS n FROM feed WHERE seq > (SELECT pushed_through FROM sync_state) GROUP BY tbl ORDER BY tbl').all() as { tbl: string; n: number }[];
    log(`desk A: ${made} clients, bookings and appointments → ${kinds.map((k) => `${k.n} ${k.tbl}`).join(', ')}`);
    await pushFeed(a.host, cloud, keyA!, log);

    traffic.requests.length = 0;
    await syncOnce(b.host);
    const pulls = traffic.requests.filter((r) => r.path === '/v1/pull');
    if (pulls.length <= pullWarmup + pullPages) throw new Error(`desk B pulled ${pulls.length} pages, expected more than ${pullWarmup + pullPages}`);
    const samples: number[] = [];
    const http: number[] = [];
    for (let i = pullWarmup; i < pullWarmup + pullPages; i++) {
      samples.push(pulls[i + 1]!.start - pulls[i]!.start);
      http.push(pulls[i]!.end - pulls[i]!.start);
    }
    const applied = samples.map((s, i) => s - http[i]!);
    log(`${pullPages} pages of ${pageSize} (after ${pullWarmup}): HTTP p50 ${percentile(http, 50).toFixed(1)} ms, apply p50 ${percentile(applied, 50).toFixed(1)} ms`);
    const count = (host: ApiHost, table: string) => Number(host.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    for (const table of ['clients', 'bookings', 'appointments']) {
      if (count(b.host, table) !== count(a.host, table)) throw new Error(`desk B has ${count(b.host, table)} ${table}, desk A ${count(a.host, table)}`);
    }
    return summarize('sync.pull', samples);
  } finally {
    await a.host.close();
    await b.host.close();
  }
}

const bookingWarmup = 20;
const bookingRuns = 100;

/**
 * sync.booking: a booking made on a desk until the server confirmed it, on loopback — sessions.book
 * through the desk API, one sync cycle (upload, then download: what the agent does), and
 * sync.provisional no longer naming the booking.
 */
export async function syncBookingBench(cloud: Cloud, dir: string, log: Log): Promise<BenchResult> {
  const [key] = await cloud.centre('Booking', ['Recepción']);
  const traffic = recordedFetch();
  const desk = await openDesk(dir, 'booking', cloud, key!, { fetch: traffic.fetch });
  try {
    const { call, host } = desk;
    const organizerId = (await call('staff.create', { name: 'Profesional', role: 'professional' })).id;
    const today = new Date().toISOString().slice(0, 10);
    const series = await call('series.create', {
      title: 'Yoga',
      organizerId,
      startDate: addDays(today, 1),
      startTime: '18:00',
      durationMin: 60,
      places: 20,
      recurrence: { weekdays: [1, 3, 5], intervalWeeks: 1, end: { kind: 'weeks', weeks: 12 } },
    });
    const occurrenceIds = host.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ? ORDER BY starts_at').pluck().all(series.series.id) as string[];
    const clientIds: string[] = [];
    for (let i = 0; i < bookingWarmup + bookingRuns; i++) {
      clientIds.push((await call('clients.create', { firstName: 'Cliente', lastName: `Reserva ${i}`, phone: `+34 688 ${String(i).padStart(6, '0')}` })).client.id);
    }
    await syncOnce(host);

    const samples: number[] = [];
    const parts = { book: [] as number[], push: [] as number[], pull: [] as number[], rest: [] as number[] };
    for (let i = 0; i < bookingWarmup + bookingRuns; i++) {
      traffic.requests.length = 0;
      const start = performance.now();
      const booking = await call('sessions.book', { occurrenceId: occurrenceIds[i % occurrenceIds.length]!, clientId: clientIds[i]! });
      const booked = performance.now();
      await host.sync.syncNow();
      const provisional = await call('sync.provisional', {});
      const end = performance.now();
      if (provisional.bookings.includes(booking.id)) {
        const state = await readSyncState(host.database.db);
        throw new Error(`booking ${booking.id} still provisional after a sync cycle (${state.last_error_code ?? 'no error'})`);
      }
      if (i < bookingWarmup) continue;
      samples.push(end - start);
      const spent = (path: string) => traffic.requests.filter((r) => r.path === path).reduce((sum, r) => sum + r.end - r.start, 0);
      parts.book.push(booked - start);
      parts.push.push(spent('/v1/push'));
      parts.pull.push(spent('/v1/pull'));
      parts.rest.push(end - booked - spent('/v1/push') - spent('/v1/pull'));
    }
    log(`booking round trip, p50 by part: ${Object.entries(parts).map(([part, ms]) => `${part} ${percentile(ms, 50).toFixed(2)} ms`).join(', ')}`);
    return summarize('sync.booking', samples, 20);
  } finally {
    await desk.host.close();
  }
}

/**
 * sync.first: a desk joining a centre with the 3-year data (100,000 clients, 150,000 bookings and
 * the 200 series' sessions they are in, with their custom values and tags). The data is seeded on
 * a desk's file (seed-agenda.ts; the feed's triggers record every row) and uploaded through the
 * real push path, untimed; then a new desk's first sync — hello, and every pull page (the agent's
 * default size) until the head — is timed once.
 */
export async function syncFirstBench(cloud: Cloud, dir: string, log: Log, size = { clients: 100_000, bookings: 150_000 }): Promise<BenchResult> {
  const [seedKey, joinKey] = await cloud.centre('Tres años', ['Recepción 1', 'Recepción 2']);
  const seedStart = performance.now();
  const seeder = await openApi(join(dir, 'first-seed.db'));
  let entries: number;
  try {
    // The clients must reach the server like every other row: the joining desk pulls them.
    const seeded = await seedAgenda(seeder, { ...size, log, clientsInFeed: true });
    log(`seeded the desk: ${size.clients.toLocaleString('en')} clients, ${seeded.occurrences.toLocaleString('en')} occurrences, ${seeded.bookings.toLocaleString('en')} bookings in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const pushStart = performance.now();
    entries = await pushFeed(seeder, cloud, seedKey!, log);
    log(`pushed ${entries.toLocaleString('en')} feed entries to the server in ${((performance.now() - pushStart) / 1000).toFixed(1)} s (seeding in all: ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`);
  } finally {
    await seeder.close();
  }

  const traffic = recordedFetch();
  const joiner = await openDesk(dir, 'first-join', cloud, joinKey!, { fetch: traffic.fetch });
  try {
    const start = performance.now();
    await syncOnce(joiner.host);
    const ms = performance.now() - start;
    const pulls = traffic.requests.filter((r) => r.path === '/v1/pull');
    const httpMs = pulls.reduce((sum, r) => sum + r.end - r.start, 0);
    const sqlite = joiner.host.database.sqlite;
    const count = (table: string) => Number(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    const clients = count('clients');
    const bookings = count('bookings');
    if (clients !== size.clients || bookings !== size.bookings) throw new Error(`the new desk has ${clients} clients and ${bookings} bookings`);
    log(`first sync: ${entries.toLocaleString('en')} changes in ${pulls.length} pulls, ${(ms / 1000).toFixed(1)} s (HTTP ${(httpMs / 1000).toFixed(1)} s, applying ${((ms - httpMs) / 1000).toFixed(1)} s)`);
    return summarize('sync.first', [ms]);
  } finally {
    await joiner.host.close();
  }
}

const measures = { pull: syncPullBench, booking: syncBookingBench, first: syncFirstBench } as const;

/**
 * sync.pull, sync.booking and sync.first: desks on real files through the real API and sync agent,
 * against the sync server on a throwaway PostgreSQL (see postgres-cluster.ts: fsync off).
 * SYNC_DESK_BENCH=pull,booking runs only those.
 */
export async function syncDeskBench(log: Log): Promise<BenchResult[]> {
  const only = process.env.SYNC_DESK_BENCH?.split(',').map((s) => s.trim());
  const cluster = await startPostgresCluster();
  if (!cluster) throw new Error(noPostgresMessage);
  try {
    const databaseUrl = await freshDatabase(cluster.adminUrl);
    const server = await startCloudServer({ databaseUrl, port: 0, requestsPerMinute: 1_000_000 });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const cloud: Cloud = {
      server,
      pool,
      async centre(name, labels) {
        const { id: centreId } = await createCentre(pool, { name });
        const keys: string[] = [];
        for (const label of labels) keys.push((await createDeskKey(pool, { centreId, label })).key);
        return keys;
      },
    };
    try {
      return await withBenchDb('sync-desk', async (path) => {
        const results: BenchResult[] = [];
        for (const [name, measure] of Object.entries(measures)) {
          if (only && !only.includes(name)) continue;
          results.push(await measure(cloud, dirname(path), log));
        }
        return results;
      });
    } finally {
      await pool.end();
      await server.close();
      await dropDatabase(cluster.adminUrl, databaseUrl);
    }
  } finally {
    await cluster.stop();
  }
}
