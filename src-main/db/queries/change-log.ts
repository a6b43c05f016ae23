import { newId } from '../../engine/ids';
import type { WriteTx } from '../database';
import { eraseClientFromFeed } from '../feed/erase-from-feed';
import { precompiled } from '../precompiled';
import { forgetRequestResultsOf } from './request-results';

export interface ChangeEntry {
  entity: string;
  entityId: string;
  /** The client whose personal data this entry carries: a deletion scrubs it. */
  subjectClientId?: string | null;
  changes: Record<string, unknown>;
}

export async function appendChange(
  tx: WriteTx,
  entry: ChangeEntry & { call: string; at: string; staffId: string | null; approvedBy: string | null; deskId: string },
): Promise<void> {
  await insertChange(tx, {
    id: newId(),
    at: entry.at,
    call: entry.call,
    entity: entry.entity,
    entity_id: entry.entityId,
    subject_client_id: entry.subjectClientId ?? null,
    staff_id: entry.staffId,
    approved_by: entry.approvedBy,
    desk_id: entry.deskId,
    changes: JSON.stringify(entry.changes),
  });
}

// Every write appends one entry, always the same columns: built once.
const insertChange = precompiled(
  (db, p: { id: string; at: string; call: string; entity: string; entity_id: string; subject_client_id: string | null; staff_id: string | null; approved_by: string | null; desk_id: string; changes: string }) =>
    db.insertInto('change_log').values({
      id: p.id,
      at: p.at,
      call: p.call,
      entity: p.entity,
      entity_id: p.entity_id,
      subject_client_id: p.subject_client_id,
      staff_id: p.staff_id,
      approved_by: p.approved_by,
      desk_id: p.desk_id,
      changes: p.changes,
      synced_at: null,
    }),
);

/**
 * Leaves no trace of a deleted client's data in the audit trail or the change feed: their log
 * entries go, their feed entries lose their data, and the erasure is recorded by id; kept answers
 * of idempotent writes that name them go too. Called after
 * their rows are deleted; the deletion is logged after.
 */
export async function scrubClientFromLog(tx: WriteTx, clientId: string): Promise<void> {
  await tx.deleteFrom('change_log').where('subject_client_id', '=', clientId).execute();
  await eraseClientFromFeed(tx, clientId);
  await forgetRequestResultsOf(tx, clientId);
}
