import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { PullAnswer } from '../../../src-shared/sync/protocol';
import { syncLimits } from '../../../src-shared/sync/protocol';
import { readChanges } from '../../pull/read-changes';
import { callerOf } from '../caller';
import { malformed } from '../sync-error';

const whole = (max: number) => z.string().regex(/^\d{1,16}$/).transform(Number).pipe(z.number().int().min(0).max(max));

const pullQuery = z.object({
  after: whole(Number.MAX_SAFE_INTEGER).default(0),
  limit: whole(syncLimits.maxPullLimit).pipe(z.number().min(1)).default(500),
});

/** GET /v1/pull?after=N&limit=M: the centre's log after N, in the server's order. */
export function pullRoute(app: FastifyInstance, pool: Pool): void {
  app.get('/v1/pull', async (request): Promise<PullAnswer> => {
    const caller = callerOf(request);
    const query = pullQuery.safeParse(request.query);
    if (!query.success) throw malformed(`after and limit are whole numbers (limit 1..${syncLimits.maxPullLimit}).`);
    return readChanges(pool, caller.centreId, query.data.after, query.data.limit);
  });
}
