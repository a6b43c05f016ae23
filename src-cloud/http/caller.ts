import type { Pool } from 'pg';
import { parseDeskKey, secretMatches } from '../keys';
import { SyncError } from './sync-error';

/** Who is calling: resolved from the desk key alone, never from anything in the request body. */
export interface Caller {
  keyId: string;
  centreId: string;
  centreName: string;
  /** The desk the key is bound to (null until its first push). */
  deskId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const unauthorized = () => new SyncError(401, 'unauthorized', 'Unknown desk key: check the key set on this desk.');

export async function resolveCaller(pool: Pool, authorization: string | undefined): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const parsed = match ? parseDeskKey(match[1]!) : null;
  if (!parsed) throw unauthorized();
  const result = await pool.query<{ centre_id: string; name: string; secret_hash: Buffer; desk_id: string | null; revoked_at: Date | null }>(
    `SELECT k.centre_id, c.name, k.secret_hash, k.desk_id, k.revoked_at
       FROM desk_keys k JOIN centres c ON c.id = k.centre_id WHERE k.id = $1`,
    [parsed.keyId],
  );
  const row = result.rows[0];
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) throw unauthorized();
  if (row.revoked_at) throw new SyncError(401, 'key_revoked', 'This desk key was revoked: ask the owner for a new one.');
  return { keyId: parsed.keyId, centreId: row.centre_id, centreName: row.name, deskId: row.desk_id };
}

/** The caller of a route behind the authentication hook. */
export function callerOf(request: { caller: Caller | null }): Caller {
  if (!request.caller) throw new SyncError(401, 'unauthorized', 'No desk key.');
  return request.caller;
}
