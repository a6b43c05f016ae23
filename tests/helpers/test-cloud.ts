import { describe, inject, it } from 'vitest';
import pg from 'pg';
import { createCentre, createDeskKey } from '../../src-cloud/admin';
import type { CloudServer } from '../../src-cloud/server';
import { startCloudServer } from '../../src-cloud/server';
import { dropDatabase, freshDatabase, noPostgresMessage } from './postgres-cluster';

/**
 * The sync server for a test, on its own fresh database in the run's PostgreSQL (see
 * postgres-global-setup.ts), with one centre:
 *
 *   const cloud = await startTestCloud();
 *   const key = await cloud.newDeskKey('Recepción 1');   // 'mst_…', for a desk's Authorization header
 *   … desks push to / pull from cloud.url …
 *   expect(await serverRows(cloud.pool, cloud.centreId)).toEqual(…);   // the server's copy of the rows
 *   await cloud.restart();                                // same url and database
 *   await cloud.close();                                  // in afterAll
 *
 * Wrap the tests in describeCloud so they skip (saying how to get a PostgreSQL) where none is installed.
 */
export interface TestCloud {
  url: string;
  databaseUrl: string;
  /** A pool on the server's database, for looking at what it holds. */
  pool: pg.Pool;
  centreId: string;
  newDeskKey(label?: string): Promise<string>;
  /** Closes the server and starts it again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The run's PostgreSQL admin URL, or '' when there is none. */
export function postgresAdminUrl(): string {
  return inject('postgresAdminUrl');
}

/** describe() when PostgreSQL is available; otherwise one skipped test that says how to get it. */
export function describeCloud(name: string, body: () => void): void {
  if (postgresAdminUrl()) describe(name, body);
  else describe(name, () => it.skip(noPostgresMessage, () => undefined));
}

export async function startTestCloud(options: { centreName?: string; requestsPerMinute?: number } = {}): Promise<TestCloud> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error(noPostgresMessage);
  const databaseUrl = await freshDatabase(adminUrl);
  const start = (port: number) => startCloudServer({ databaseUrl, port, ...(options.requestsPerMinute !== undefined ? { requestsPerMinute: options.requestsPerMinute } : {}) });
  let server: CloudServer | null = await start(0);
  const port = server.port;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => undefined);
  const { id: centreId } = await createCentre(pool, { name: options.centreName ?? 'Estudio Luz' });
  return {
    url: server.url,
    databaseUrl,
    pool,
    centreId,
    newDeskKey: async (label = 'Recepción') => (await createDeskKey(pool, { centreId, label })).key,
    restart: async () => {
      await server?.close();
      server = null;
      server = await start(port);
    },
    close: async () => {
      await server?.close();
      server = null;
      await pool.end();
      await dropDatabase(adminUrl, databaseUrl);
    },
  };
}

export type ServerRow = Record<string, string | number | null>;

/** The server's copy of a centre's rows: table → rows in row_id order (the primary key's JSON, bytewise); tables with no rows are absent. */
export async function serverRows(pool: pg.Pool, centreId: string): Promise<Record<string, ServerRow[]>> {
  const result = await pool.query<{ tbl: string; data: ServerRow }>('SELECT tbl, data FROM rows WHERE centre_id = $1 ORDER BY tbl, row_id COLLATE "C"', [centreId]);
  const tables: Record<string, ServerRow[]> = {};
  for (const row of result.rows) (tables[row.tbl] ??= []).push(row.data);
  return tables;
}
