import rateLimit from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import type { Pool } from 'pg';
import { syncLimits } from '../../src-shared/sync/protocol';
import { resolveCaller } from './caller';
import { handleError } from './error-handler';
import { helloRoute } from './routes/hello';
import { pullRoute } from './routes/pull';
import { pushRoute } from './routes/push';
import { SyncError } from './sync-error';

export interface AppOptions {
  logger?: boolean | FastifyBaseLogger;
  /** Requests per desk key per minute (tests lower it). */
  requestsPerMinute?: number;
}

/** The HTTP API: authentication first, then the rate limit of the key, then the route. */
export async function buildApp(pool: Pool, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: syncLimits.maxBodyBytes,
    ...(typeof options.logger === 'object' ? { loggerInstance: options.logger } : { logger: options.logger ?? false }),
    // A restart must not wait for a desk's idle keep-alive connection.
    forceCloseConnections: 'idle',
  });
  app.decorateRequest('caller', null);
  // JSON only: any other body is refused (415) before it is read.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(new SyncError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`).body());
  });

  // Before the body is read: an unknown key costs no parsing.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/v1/')) return;
    request.caller = await resolveCaller(pool, request.headers.authorization);
  });
  await app.register(rateLimit, {
    hook: 'preParsing',
    max: options.requestsPerMinute ?? syncLimits.requestsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.caller?.keyId ?? request.ip,
    errorResponseBuilder: () => new SyncError(429, 'rate_limited', 'Too many requests from this desk key: retry in a minute.'),
  });

  helloRoute(app, pool);
  pushRoute(app, pool);
  pullRoute(app, pool);
  return app;
}
