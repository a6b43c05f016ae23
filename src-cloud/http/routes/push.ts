import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { PushAnswer } from '../../../src-shared/sync/protocol';
import { pushRequest, serverDeskId, syncLimits } from '../../../src-shared/sync/protocol';
import { pushBatch } from '../../push/push-batch';
import { isStorable } from '../../push/storable-text';
import { syncedTables } from '../../schema/synced-tables';
import { callerOf } from '../caller';
import { malformed, SyncError } from '../sync-error';

/** POST /v1/push: a batch of this desk's feed (see push/push-batch.ts). */
export function pushRoute(app: FastifyInstance, pool: Pool): void {
  app.post('/v1/push', async (request): Promise<PushAnswer> => {
    const caller = callerOf(request);
    const body = request.body as { changes?: unknown } | null | undefined;
    if (Array.isArray(body?.changes) && body.changes.length > syncLimits.maxBatchChanges) {
      throw new SyncError(413, 'batch_too_large', `At most ${syncLimits.maxBatchChanges} changes per push.`);
    }
    const parsed = pushRequest.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw malformed(`Not a push batch: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'}.`);
    }
    if (!isStorable(parsed.data)) throw malformed('Text may not contain NUL characters or unpaired surrogates.');
    if (parsed.data.deskId === serverDeskId) throw malformed(`"${serverDeskId}" is not a desk id: it names the server's own changes.`);
    return pushBatch(pool, caller, parsed.data, syncedTables());
  });
}
