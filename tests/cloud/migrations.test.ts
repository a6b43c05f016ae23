import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src-cloud/db/migrate';
import { cloudMigrations } from '../../src-cloud/migrations';
import { dropDatabase, freshDatabase } from '../helpers/postgres-cluster';
import { describeCloud, postgresAdminUrl } from '../helpers/test-cloud';

describeCloud('sync server: its migrations', () => {
  let databaseUrl: string;
  let pool: pg.Pool;
  beforeAll(async () => {
    databaseUrl = await freshDatabase(postgresAdminUrl());
    pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  });
  afterAll(async () => {
    await pool?.end();
    if (databaseUrl) await dropDatabase(postgresAdminUrl(), databaseUrl);
  });

  it('apply once, even when two servers start together, and are recorded', async () => {
    await Promise.all([migrate(pool), migrate(pool)]);
    await migrate(pool);
    const recorded = await pool.query<{ version: number }>('SELECT version FROM cloud_migrations ORDER BY version');
    expect(recorded.rows.map((r) => r.version)).toEqual(cloudMigrations.map((m) => m.version));
    const tables = await pool.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    expect(tables.rows.map((r) => r.tablename)).toEqual([
      'appointment_slots',
      'centres',
      'changes',
      'cloud_migrations',
      'desk_keys',
      'desks',
      'erased_clients',
      'pass_balances',
      'refusals',
      'rows',
      'unique_claims',
    ]);
  });

  it('number their versions 1, 2, … in order', () => {
    expect(cloudMigrations.map((m) => m.version)).toEqual(cloudMigrations.map((_, i) => i + 1));
  });
});
