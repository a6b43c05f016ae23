import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import pg from 'pg';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { startWebHost } from '../../src-main/web/host';
import { createCentre, createDeskKey } from '../../src-cloud/admin';
import type { CloudServer } from '../../src-cloud/server';
import { startCloudServer } from '../../src-cloud/server';
import type { PostgresCluster } from '../helpers/postgres-cluster';
import { dropDatabase, freshDatabase, noPostgresMessage, postgresBinDir, startPostgresCluster } from '../helpers/postgres-cluster';

/**
 * The real sync server for the end-to-end tests, on a real, throwaway PostgreSQL: one cluster per
 * Playwright worker (or DATABASE_URL's server), a fresh database and server per test, with one
 * centre. vitest's test-cloud.ts gets its cluster through `inject`, which Playwright lacks.
 *
 *   test.skip(!postgresAvailable, noPostgresMessage);
 *   test('…', async ({ page, api, cloud }) => {
 *     const key = await cloud.newDeskKey('Recepción');
 *     await cloud.stop();   // the desk goes offline
 *     await cloud.start();  // same address, same data
 *   });
 */
export interface E2eCloud {
  url: string;
  centreName: string;
  centreId: string;
  /** A pool on the server's database, to look at what it holds. */
  pool: pg.Pool;
  newDeskKey(label?: string): Promise<string>;
  /** The server stops listening (requests in flight finish): desks cannot reach it. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
}

/** PostgreSQL is installed (Debian layout) or DATABASE_URL names a server. */
export const postgresAvailable = Boolean(process.env.DATABASE_URL) || postgresBinDir() !== null;
export { noPostgresMessage };

interface SyncFixtures {
  cloud: E2eCloud;
  /** The desk the browser drives, over its own database, syncing in the background as `npm run web` does. */
  api: ApiHost;
}

/**
 * How often the browser's desk looks for the other desks' changes by itself: rarely, so a test
 * decides when it downloads. Its own writes still upload at once, and "Sincronizar ahora" syncs.
 */
const deskIntervalMs = 120_000;

export const test = base.extend<SyncFixtures, { postgres: PostgresCluster }>({
  postgres: [
    // Playwright reads a fixture's dependencies from this destructuring: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const cluster = await startPostgresCluster();
      if (!cluster) throw new Error(noPostgresMessage);
      await use(cluster);
      await cluster.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  cloud: async ({ postgres }, use) => {
    const databaseUrl = await freshDatabase(postgres.adminUrl);
    let server: CloudServer | null = await startCloudServer({ databaseUrl, port: 0 });
    const port = server.port;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', () => undefined);
    const centreName = 'Estudio Luz';
    const { id: centreId } = await createCentre(pool, { name: centreName });
    await use({
      url: server.url,
      centreName,
      centreId,
      pool,
      newDeskKey: async (label = 'Recepción') => (await createDeskKey(pool, { centreId, label })).key,
      stop: async () => {
        await server?.close();
        server = null;
      },
      start: async () => {
        server ??= await startCloudServer({ databaseUrl, port });
      },
    });
    await server?.close();
    await pool.end();
    await dropDatabase(postgres.adminUrl, databaseUrl);
  },

  // eslint-disable-next-line no-empty-pattern
  api: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-e2e-sync-'));
    const api = await openApi(join(dir, 'mostrador.db'), { sync: { start: true, intervalMs: deskIntervalMs } });
    await use(api);
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  },

  baseURL: async ({ api }, use) => {
    const host = await startWebHost(api, { rendererDir: resolve('out/renderer') });
    await use(host.url);
    await host.close();
  },
});

/** The server's copy of one table of the centre (each row's data). */
export async function serverRowsOf(cloud: E2eCloud, table: string): Promise<Record<string, unknown>[]> {
  const result = await cloud.pool.query<{ data: Record<string, unknown> }>('SELECT data FROM rows WHERE centre_id = $1 AND tbl = $2 ORDER BY row_id COLLATE "C"', [cloud.centreId, table]);
  return result.rows.map((r) => r.data);
}

export { expect } from '@playwright/test';
