import type { FeedOp } from '../../src-shared/sync/protocol';
import type { RowData } from './batch-plan';
import type { PushContext } from './push-context';

export interface LoggedChange {
  deskId: string;
  /** The desk's own seq (null for what the server wrote itself). */
  deskSeq: number | null;
  tbl: string;
  rowId: string;
  op: FeedOp;
  data: RowData | null;
  subject: string | null;
}

/** Appends to the centre's log with the next server_seq, and returns it. */
export async function logChange(ctx: PushContext, change: LoggedChange): Promise<number> {
  const seq = ctx.head + 1;
  await ctx.tx.query(
    `INSERT INTO changes (centre_id, server_seq, desk_id, desk_seq, tbl, row_id, op, data, subject_client_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [ctx.centreId, seq, change.deskId, change.deskSeq, change.tbl, change.rowId, change.op, change.data === null ? null : JSON.stringify(change.data), change.subject],
  );
  ctx.head = seq;
  return seq;
}
