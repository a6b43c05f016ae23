import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { migrate } from './db/migrate';
import { buildApp } from './http/app';

export interface CloudServerOptions {
  databaseUrl: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  logger?: boolean | FastifyBaseLogger;
  requestsPerMinute?: number;
}

export interface CloudServer {
  url: string;
  port: number;
  /** Stops listening, lets requests in flight finish, and ends the pool. */
  close(): Promise<void>;
}

/** Migrates the database and starts the sync API. */
export async function startCloudServer(options: CloudServerOptions): Promise<CloudServer> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  // An idle connection that PostgreSQL drops (a restart) must not take the process down.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
    const app = await buildApp(pool, { logger: options.logger ?? false, ...(options.requestsPerMinute !== undefined ? { requestsPerMinute: options.requestsPerMinute } : {}) });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 8787 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      close: async () => {
        await app.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
