import type { PushAnswer } from '../../../src-shared/sync/protocol';
import type { OpenDatabase } from '../open-database';
import { describeRefusedRow } from './conflict-summary';
import { insertConflict } from './conflicts';
import { newId } from '../../engine/ids';

/**
 * What the server settled of a batch, in one transaction: the upload cursor moves on, and each
 * refused group becomes a conflict, described from the row as this desk still has it (the
 * server's undo arrives with the next download).
 */
export async function settlePush(database: OpenDatabase, answer: PushAnswer, at: string): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    for (const refusal of answer.refused) {
      const subject = await describeRefusedRow(tx, refusal.tbl, refusal.rowId);
      await insertConflict(tx, {
        id: newId(),
        at,
        reason: refusal.reason,
        tbl: refusal.tbl,
        row_id: refusal.rowId,
        first_seq: refusal.group[0],
        last_seq: refusal.group[1],
        summary: subject.summary,
        occurrence_id: subject.occurrenceId,
        client_id: subject.clientId,
        dismissed_at: null,
      });
    }
    await tx
      .updateTable('sync_state')
      .set((eb) => ({ pushed_through: eb.fn('max', [eb.ref('pushed_through'), eb.val(answer.appliedThrough)]) }))
      .execute();
  });
}
