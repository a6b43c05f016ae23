import { serverDeskId } from '../../src-shared/sync/protocol';
import type { PlannedGroup } from './batch-plan';
import { logChange } from './change-log';
import type { GroupRefused } from './decision-errors';
import type { PushContext, Touched } from './push-context';
import { rowKey } from './push-context';
import { readRow } from './row-store';

/**
 * Records a refused group (after its savepoint was rolled back) and undoes it on the losing desk:
 * every row the group touched or names is sent again as the server has it, or deleted where the
 * server has none. The desk pulls these after the refusal's serverSeq.
 */
export async function refuseGroup(ctx: PushContext, group: PlannedGroup, refused: GroupRefused, touched: Touched): Promise<void> {
  ctx.refusals++;
  await ctx.tx.query(
    `INSERT INTO refusals (centre_id, desk_id, first_seq, last_seq, reason, tbl, row_id, server_seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ctx.centreId, ctx.deskId, group.first, group.last, refused.reason, refused.tbl, refused.rowId, ctx.head],
  );
  // The rows of the changes after the refused one as well: never reached, so never touched, but
  // the losing desk made them too (a booking's audit entry after the booking).
  const rows = new Map<string, { tbl: string; rowId: string }>(touched);
  for (const change of group.changes) if (!rows.has(rowKey(change.tbl, change.rowId))) rows.set(rowKey(change.tbl, change.rowId), change);
  for (const row of rows.values()) {
    const stored = await readRow(ctx, row.tbl, row.rowId);
    await logChange(ctx, {
      deskId: serverDeskId,
      deskSeq: null,
      tbl: row.tbl,
      rowId: row.rowId,
      op: stored ? 'insert' : 'delete',
      data: stored?.data ?? null,
      subject: stored?.subject ?? null,
    });
  }
}
