import type { Pool } from 'pg';
import { cloudMigrations } from '../migrations';

// Any fixed number: two servers starting at once on one database take turns.
const migrationLock = 7_306_851;

/** Applies the migrations not yet recorded, each in its own transaction under an advisory lock. */
export async function migrate(pool: Pool): Promise<void> {
  for (const migration of cloudMigrations) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      await client.query('CREATE TABLE IF NOT EXISTS cloud_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = await client.query('SELECT 1 FROM cloud_migrations WHERE version = $1', [migration.version]);
      if (done.rowCount === 0) {
        await client.query(migration.sql);
        await client.query('INSERT INTO cloud_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
