import type { PlannedChange, RowData } from './batch-plan';
import { mergeChange } from './merge-rule';
import type { PushContext } from './push-context';
import { rowKey } from './push-context';

/**
 * Applies consecutive changes that can never be refused (tables no projection or decision watches:
 * see push-batch.ts) in four statements instead of three per change: the rows are read at once,
 * the same merge rules run in memory in the batch's order, and the rows and log are written at once.
 */
export async function applyRun(ctx: PushContext, changes: readonly PlannedChange[]): Promise<void> {
  const state = new Map<string, { tbl: string; rowId: string; data: RowData | null; subject: string | null }>();
  for (const change of changes) state.set(rowKey(change.tbl, change.rowId), { tbl: change.tbl, rowId: change.rowId, data: null, subject: null });
  const entries = [...state.values()];
  const stored = await ctx.tx.query<{ tbl: string; row_id: string; data: RowData; subject_client_id: string | null }>(
    `SELECT tbl, row_id, data, subject_client_id FROM rows
      WHERE centre_id = $1 AND (tbl, row_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [ctx.centreId, entries.map((e) => e.tbl), entries.map((e) => e.rowId)],
  );
  for (const row of stored.rows) Object.assign(state.get(rowKey(row.tbl, row.row_id))!, { data: row.data, subject: row.subject_client_id });

  const changed = new Set<string>();
  const log: { seq: number; change: PlannedChange; subject: string | null; data: RowData | null }[] = [];
  for (const change of changes) {
    const key = rowKey(change.tbl, change.rowId);
    const row = state.get(key)!;
    const outcome = mergeChange(change, row.data, ctx.erased);
    if (!outcome.applied) continue;
    row.data = outcome.after;
    row.subject = outcome.subject;
    changed.add(key);
    log.push({ seq: ++ctx.head, change, subject: outcome.subject, data: outcome.logged !== undefined ? outcome.logged : change.data });
  }

  const written = [...changed].map((key) => state.get(key)!);
  const kept = written.filter((r) => r.data !== null);
  const gone = written.filter((r) => r.data === null);
  if (kept.length > 0) {
    await ctx.tx.query(
      `INSERT INTO rows (centre_id, tbl, row_id, data, subject_client_id)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[])
       ON CONFLICT (centre_id, tbl, row_id) DO UPDATE SET data = excluded.data, subject_client_id = excluded.subject_client_id`,
      [ctx.centreId, kept.map((r) => r.tbl), kept.map((r) => r.rowId), kept.map((r) => JSON.stringify(r.data)), kept.map((r) => r.subject)],
    );
  }
  if (gone.length > 0) {
    await ctx.tx.query('DELETE FROM rows WHERE centre_id = $1 AND (tbl, row_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))', [
      ctx.centreId,
      gone.map((r) => r.tbl),
      gone.map((r) => r.rowId),
    ]);
  }
  if (log.length > 0) {
    await ctx.tx.query(
      `INSERT INTO changes (centre_id, server_seq, desk_id, desk_seq, tbl, row_id, op, data, subject_client_id)
       SELECT $1, u.seq, $2, u.desk_seq, u.tbl, u.row_id, u.op, u.data, u.subject
         FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[]) AS u(seq, desk_seq, tbl, row_id, op, data, subject)`,
      [
        ctx.centreId,
        ctx.deskId,
        log.map((l) => l.seq),
        log.map((l) => l.change.seq),
        log.map((l) => l.change.tbl),
        log.map((l) => l.change.rowId),
        log.map((l) => l.change.op),
        log.map((l) => (l.data === null ? null : JSON.stringify(l.data))),
        log.map((l) => l.subject),
      ],
    );
  }
}
