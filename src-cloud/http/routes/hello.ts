import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { Hello } from '../../../src-shared/sync/protocol';
import { callerOf } from '../caller';
import { SyncError } from '../sync-error';

/**
 * GET /v1/hello: who the key is and where its desk stands. A desk may name itself (X-Desk-Id) before
 * its key is bound (a replacement key): it is told what it settled, if it is a desk of this centre.
 */
export function helloRoute(app: FastifyInstance, pool: Pool): void {
  app.get('/v1/hello', async (request): Promise<Hello> => {
    const caller = callerOf(request);
    const header = request.headers['x-desk-id'];
    const named = typeof header === 'string' && header !== '' ? header : null;
    if (named !== null && caller.deskId !== null && named !== caller.deskId) {
      throw new SyncError(403, 'key_other_desk', 'This key belongs to another desk: each desk needs its own key.');
    }
    const deskId = caller.deskId ?? named;
    const result = await pool.query<{ head_seq: string; centre_id: string | null; applied_through: string | null }>(
      `SELECT c.head_seq, d.centre_id, d.applied_through FROM centres c LEFT JOIN desks d ON d.desk_id = $2 WHERE c.id = $1`,
      [caller.centreId, deskId],
    );
    const row = result.rows[0]!;
    if (row.centre_id !== null && row.centre_id !== caller.centreId) throw new SyncError(403, 'wrong_centre', 'This desk is registered under another centre.');
    return {
      centreId: caller.centreId,
      centreName: caller.centreName,
      deskId: caller.deskId,
      appliedThrough: Number(row.applied_through ?? 0),
      head: Number(row.head_seq),
      serverTime: new Date().toISOString(),
    };
  });
}
