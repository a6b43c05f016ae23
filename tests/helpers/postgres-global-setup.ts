import type { TestProject } from 'vitest/node';
import { noPostgresMessage, startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's admin URL ('' when no PostgreSQL is available: the sync server's tests skip). */
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL for the whole run (a few seconds, once); each test file makes its own database in it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  // CI machines have PostgreSQL: there the sync tests must run, never skip quietly.
  if (!cluster && process.env.MOSTRADOR_REQUIRE_POSTGRES === '1') throw new Error(noPostgresMessage);
  project.provide('postgresAdminUrl', cluster?.adminUrl ?? '');
  return async () => {
    await cluster?.stop();
  };
}
