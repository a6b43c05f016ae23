import type { Pool } from 'pg';
import type { FeedOp, PullAnswer, ServerChange } from '../../src-shared/sync/protocol';
import { inTransaction } from '../db/transaction';

/**
 * A page of the centre's log after `after`, in the server's order. One snapshot for the page and
 * the head, so the head a desk is told is never behind the page it got.
 */
export async function readChanges(pool: Pool, centreId: string, after: number, limit: number): Promise<PullAnswer> {
  return inTransaction(
    pool,
    async (tx) => {
      const centre = await tx.query<{ head_seq: string }>('SELECT head_seq FROM centres WHERE id = $1', [centreId]);
      const head = Number(centre.rows[0]?.head_seq ?? 0);
      const page = (bounded: boolean) =>
        tx.query<{ server_seq: string; desk_id: string; tbl: string; row_id: string; op: FeedOp; data: ServerChange['data'] }>(
          `SELECT server_seq, desk_id, tbl, row_id, op, data FROM changes
            WHERE centre_id = $1 AND server_seq > $2 ${bounded ? 'AND server_seq <= $2::bigint + $3::bigint' : ''} ORDER BY server_seq LIMIT $3`,
          [centreId, after, limit],
        );
      // The centre's log is numbered without gaps (head+1, head+2…: see push-batch.ts), so a page is
      // the range after+1 … after+limit. Bounded, it costs the same whatever the planner's statistics
      // say: a centre uploaded in bulk since the last ANALYZE is estimated at a few rows, and the
      // unbounded query then sorts the whole rest of the log for every page. Should the log ever
      // have a gap, a page that ends short of the head is read again unbounded.
      let rows = await page(true);
      if (rows.rows.length < limit && Number(rows.rows.at(-1)?.server_seq ?? after) < head) rows = await page(false);
      const changes = rows.rows.map((r) => ({ serverSeq: Number(r.server_seq), deskId: r.desk_id, tbl: r.tbl, rowId: r.row_id, op: r.op, data: r.data }));
      return { changes, cursor: changes.at(-1)?.serverSeq ?? after, head };
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}
