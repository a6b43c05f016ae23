import type { PushRequest } from '../../src-shared/sync/protocol';
import { createCentre, createDeskKey } from '../../src-cloud/admin';
import { startCloudServer } from '../../src-cloud/server';
import { dropDatabase, freshDatabase, noPostgresMessage, startPostgresCluster } from '../helpers/postgres-cluster';
import type { BenchResult } from './stats';
import { summarize } from './stats';
import pg from 'pg';

const batchSize = 500;
const batches = 20;
const warmup = 3;

/**
 * sync.push: one desk's batch of 500 changes (clients created, then edited: 2 inserts to 1 update)
 * sent over HTTP and applied by the sync server on a throwaway PostgreSQL, 20 batches after 3 warm-up.
 */
export async function syncPushBench(log: (line: string) => void): Promise<BenchResult[]> {
  const cluster = await startPostgresCluster();
  if (!cluster) throw new Error(noPostgresMessage);
  try {
    const databaseUrl = await freshDatabase(cluster.adminUrl);
    const server = await startCloudServer({ databaseUrl, port: 0, requestsPerMinute: 10_000 });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const { id: centreId } = await createCentre(pool, { name: 'Bench' });
      const { key } = await createDeskKey(pool, { centreId, label: 'bench' });
      const samples: number[] = [];
      let seq = 1;
      for (let run = 0; run < warmup + batches; run++) {
        const request = batch(run, seq);
        seq += batchSize;
        const start = performance.now();
        const response = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(request) });
        if (response.status !== 200) throw new Error(`push failed: ${response.status} ${await response.text()}`);
        await response.json();
        if (run >= warmup) samples.push(performance.now() - start);
      }
      log(`${batches} batches of ${batchSize} changes`);
      return [summarize('sync.push', samples)];
    } finally {
      await pool.end();
      await server.close();
      await dropDatabase(cluster.adminUrl, databaseUrl);
    }
  } finally {
    await cluster.stop();
  }
}

function batch(run: number, from: number): PushRequest {
  const at = new Date().toISOString();
  const changes: PushRequest['changes'] = [];
  for (let i = 0; changes.length < batchSize; i++) {
    const id = `r${run}-${i}`;
    changes.push({
      seq: from + changes.length,
      at,
      tbl: 'clients',
      rowId: JSON.stringify([id]),
      op: 'insert',
      data: { id, first_name: `Nombre ${i}`, last_name: `Apellido ${run}`, sort_name: `apellido ${run} nombre ${i}`, phone: `+34600${String(i).padStart(6, '0')}`, email: null, created_at: at, updated_at: at },
      subject: id,
    });
    if (i % 2 === 1 && changes.length < batchSize) {
      changes.push({ seq: from + changes.length, at, tbl: 'clients', rowId: JSON.stringify([id]), op: 'update', data: { notes: 'edited', updated_at: at }, subject: id });
    }
  }
  return { deskId: 'bench-desk', deskName: 'Bench', changes, groups: [] };
}
