import type { PlannedChange } from './batch-plan';
import { logChange } from './change-log';
import { eraseClient } from './erase-client';
import { isAboutErased, mergeChange } from './merge-rule';
import { project } from './projections';
import type { PushContext, Touched } from './push-context';
import { rowKey, touch } from './push-context';
import { deleteRow, readRow, writeRow } from './row-store';

/**
 * Applies one entry of a desk's feed to the server's rows (the rules: merge-rule.ts; an erasure:
 * erase-client.ts), keeps the projections, and appends it to the log.
 */
export async function applyChange(ctx: PushContext, change: PlannedChange, touched: Touched): Promise<void> {
  if (change.op === 'erase' && !isAboutErased(change, ctx.erased)) return eraseClient(ctx, change, touched);
  const stored = change.op === 'erase' ? null : await readRow(ctx, change.tbl, change.rowId);
  const before = stored?.data ?? null;
  const outcome = change.op === 'erase' ? ({ applied: false } as const) : mergeChange(change, before, ctx.erased);
  if (!outcome.applied) {
    // A dropped change still names its row: if its group is refused, the desk is told the row's truth.
    if (!touched.has(rowKey(change.tbl, change.rowId))) touch(touched, change.tbl, change.rowId, before, before);
    return;
  }
  const { after, subject } = outcome;
  if (after) await writeRow(ctx, change.tbl, change.rowId, after, subject);
  else await deleteRow(ctx, change.tbl, change.rowId);
  // Touched before projecting: a refusal by a projection's constraint undoes this row too.
  touch(touched, change.tbl, change.rowId, before, after);
  await project(ctx, change.tbl, change.rowId, before, after);
  const data = outcome.logged !== undefined ? outcome.logged : change.data;
  await logChange(ctx, { deskId: ctx.deskId, deskSeq: change.seq, tbl: change.tbl, rowId: change.rowId, op: change.op, data, subject });
}
