import type { Pool } from 'pg';
import type { PushAnswer, PushRequest, Refusal, RefusalReason } from '../../src-shared/sync/protocol';
import type { Tx } from '../db/transaction';
import { inTransaction } from '../db/transaction';
import type { Caller } from '../http/caller';
import { SyncError } from '../http/sync-error';
import type { SyncedTable } from '../schema/synced-tables';
import { applyChange } from './apply-change';
import { applyRun } from './apply-run';
import type { PlannedChange, PlannedGroup } from './batch-plan';
import { planBatch } from './batch-plan';
import { decisionOf, GroupRefused } from './decision-errors';
import { judgedTables, judgeGroup } from './decisions';
import { bindDesk } from './desk-binding';
import { hasProjection } from './projections';
import type { PushContext, Touched } from './push-context';
import { refuseGroup } from './refuse-group';

/**
 * A desk's batch, applied in one transaction. The centre's row is locked first: a centre's pushes
 * take turns, so the server_seq given out is head+1, head+2… in commit order (a pull never sees a
 * later seq before an earlier one commits). Entries the desk already settled are skipped, so a
 * batch sent twice is applied once and answered the same.
 */
export async function pushBatch(pool: Pool, caller: Caller, request: PushRequest, tables: ReadonlyMap<string, SyncedTable>): Promise<PushAnswer> {
  const plan = planBatch(request, tables);
  return inTransaction(pool, async (tx) => {
    const centre = await tx.query<{ head_seq: string }>('SELECT head_seq FROM centres WHERE id = $1 FOR UPDATE', [caller.centreId]);
    const { appliedThrough } = await bindDesk(tx, caller, request.deskId, request.deskName);
    if (plan.first > appliedThrough + 1) {
      throw new SyncError(409, 'sequence_gap', `This server has this desk's changes up to ${appliedThrough}: send from ${appliedThrough + 1}.`, appliedThrough + 1);
    }
    const ctx: PushContext = { tx, centreId: caller.centreId, deskId: request.deskId, head: Number(centre.rows[0]!.head_seq), erased: new Set(), refusals: 0 };
    if (plan.last > appliedThrough) {
      await applyBatch(ctx, plan.groups, appliedThrough);
      await tx.query('UPDATE desks SET applied_through = $2, name = coalesce($3, name), last_push_at = now() WHERE desk_id = $1', [request.deskId, plan.last, request.deskName ?? null]);
      await tx.query('UPDATE centres SET head_seq = $2 WHERE id = $1', [caller.centreId, ctx.head]);
    }
    // A batch sent again is answered with the refusals recorded the first time.
    const refused = ctx.refusals > 0 || plan.first <= appliedThrough ? await refusalsIn(tx, ctx, plan.first, plan.last) : [];
    return { appliedThrough: Math.max(appliedThrough, plan.last), refused, serverSeq: ctx.head };
  });
}

/** The entries after what the desk settled, in order: runs of plain changes in bulk, the others group by group. */
async function applyBatch(ctx: PushContext, groups: readonly PlannedGroup[], appliedThrough: number): Promise<void> {
  await loadErased(ctx, groups);
  let run: PlannedChange[] = [];
  for (const group of groups) {
    const changes = group.changes.filter((change) => change.seq > appliedThrough);
    if (changes.length === 0) continue;
    if (changes.every(isPlain)) {
      run.push(...changes);
      continue;
    }
    if (run.length > 0) await applyRun(ctx, run);
    run = [];
    await applyGroup(ctx, { first: changes[0]!.seq, last: group.last, changes });
  }
  if (run.length > 0) await applyRun(ctx, run);
}

/**
 * A change nothing can refuse and no projection watches: groups of only these are applied in bulk
 * (apply-run.ts). Every other group runs row by row inside a savepoint, so that a refusal undoes it.
 */
const isPlain = (change: PlannedChange) => change.op !== 'erase' && !judgedTables.has(change.tbl) && !hasProjection(change.tbl);

async function applyGroup(ctx: PushContext, group: PlannedGroup): Promise<void> {
  const touched: Touched = new Map();
  const head = ctx.head;
  const erased = new Set(ctx.erased);
  await ctx.tx.query('SAVEPOINT grp');
  try {
    for (const change of group.changes) await applyDecided(ctx, change, touched);
    await judgeGroup(ctx, group, touched);
    await ctx.tx.query('RELEASE SAVEPOINT grp');
  } catch (error) {
    if (!(error instanceof GroupRefused)) throw error;
    await ctx.tx.query('ROLLBACK TO SAVEPOINT grp');
    ctx.head = head;
    ctx.erased = erased;
    await refuseGroup(ctx, group, error, touched);
  }
}

/** Applies a change, turning a constraint it trips into the refusal of its group. */
async function applyDecided(ctx: PushContext, change: PlannedChange, touched: Touched): Promise<void> {
  try {
    await applyChange(ctx, change, touched);
  } catch (error) {
    const reason = decisionOf(error);
    if (reason) throw new GroupRefused(reason, change.tbl, change.rowId);
    throw error;
  }
}

async function loadErased(ctx: PushContext, groups: readonly PlannedGroup[]): Promise<void> {
  const ids = new Set<string>();
  for (const change of groups.flatMap((g) => g.changes)) {
    if (change.subject !== null) ids.add(change.subject);
    if (change.tbl === 'clients') ids.add(String(change.key[0]));
  }
  const result = await ctx.tx.query<{ client_id: string }>('SELECT client_id FROM erased_clients WHERE centre_id = $1 AND client_id = ANY($2::text[])', [ctx.centreId, [...ids]]);
  for (const row of result.rows) ctx.erased.add(row.client_id);
}

async function refusalsIn(tx: Tx, ctx: PushContext, first: number, last: number): Promise<Refusal[]> {
  const result = await tx.query<{ first_seq: string; last_seq: string; reason: RefusalReason; tbl: string; row_id: string; server_seq: string }>(
    `SELECT first_seq, last_seq, reason, tbl, row_id, server_seq FROM refusals
      WHERE centre_id = $1 AND desk_id = $2 AND first_seq >= $3 AND last_seq <= $4 ORDER BY first_seq`,
    [ctx.centreId, ctx.deskId, first, last],
  );
  return result.rows.map((r) => ({
    group: [Number(r.first_seq), Number(r.last_seq)],
    reason: r.reason,
    tbl: r.tbl,
    rowId: r.row_id,
    serverSeq: Number(r.server_seq),
  }));
}
