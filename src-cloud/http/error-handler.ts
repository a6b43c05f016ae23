import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SyncError } from './sync-error';

/**
 * Every failure becomes `{ error: { code, message } }`: the server's own refusals as they are,
 * Fastify's (a body that is not JSON, too big, the wrong content type) translated, and anything
 * else a 500 that is logged and not described (no internals leak).
 */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  const code = (error as Partial<FastifyError> | null)?.code;
  if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new SyncError(413, 'batch_too_large', 'The request body is too large.');
  if (status === 415) return new SyncError(415, 'malformed_batch', 'Send the body as application/json.');
  if (status === 429) return new SyncError(429, 'rate_limited', 'Too many requests from this desk key: retry in a minute.');
  if (typeof status === 'number' && status >= 400 && status < 500) return new SyncError(400, 'malformed_batch', 'The request is not valid JSON or not a valid request.');
  return new SyncError(500, 'server_error', 'The server failed: try again later.');
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const sync = toSyncError(error);
  if (sync.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(sync.statusCode).type('application/json').send(sync.body());
}
