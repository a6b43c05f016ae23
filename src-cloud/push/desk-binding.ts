import type { Tx } from '../db/transaction';
import type { Caller } from '../http/caller';
import { SyncError } from '../http/sync-error';

/**
 * The desk a push comes from, checked against its key (inside the push's transaction, after the
 * centre's lock): a key is bound to the desk of its first push, and a desk belongs to one centre.
 * Returns what that desk has settled, locked until the push commits.
 */
export async function bindDesk(tx: Tx, caller: Caller, deskId: string, deskName: string | undefined): Promise<{ appliedThrough: number }> {
  const key = await tx.query<{ desk_id: string | null; revoked_at: Date | null }>('SELECT desk_id, revoked_at FROM desk_keys WHERE id = $1 FOR UPDATE', [caller.keyId]);
  const row = key.rows[0];
  if (!row) throw new SyncError(401, 'unauthorized', 'Unknown desk key.');
  if (row.revoked_at) throw new SyncError(401, 'key_revoked', 'This desk key was revoked: ask the owner for a new one.');
  if (row.desk_id !== null && row.desk_id !== deskId) throw new SyncError(403, 'key_other_desk', 'This key belongs to another desk: each desk needs its own key.');

  // One round trip: the desk's row made or found, and locked (the no-op update takes the row lock).
  const desk = await tx.query<{ centre_id: string; applied_through: string }>(
    `INSERT INTO desks (desk_id, centre_id, name) VALUES ($1, $2, $3)
     ON CONFLICT (desk_id) DO UPDATE SET desk_id = excluded.desk_id RETURNING centre_id, applied_through`,
    [deskId, caller.centreId, deskName ?? null],
  );
  if (desk.rows[0]!.centre_id !== caller.centreId) throw new SyncError(403, 'wrong_centre', 'This desk is registered under another centre.');
  if (row.desk_id === null) await tx.query('UPDATE desk_keys SET desk_id = $1 WHERE id = $2', [deskId, caller.keyId]);
  return { appliedThrough: Number(desk.rows[0]!.applied_through) };
}
