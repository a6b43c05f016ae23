import type { RowData } from './batch-plan';
import type { PushContext } from './push-context';

/**
 * The server's copy of the rows. No row lock is taken here: every write of a centre already runs
 * under its centre row's lock (see push-batch.ts), so nothing else changes these rows meanwhile.
 */
export interface StoredRow {
  data: RowData;
  subject: string | null;
}

export async function readRow(ctx: PushContext, tbl: string, rowId: string): Promise<StoredRow | null> {
  const result = await ctx.tx.query<{ data: RowData; subject_client_id: string | null }>(
    'SELECT data, subject_client_id FROM rows WHERE centre_id = $1 AND tbl = $2 AND row_id = $3',
    [ctx.centreId, tbl, rowId],
  );
  const row = result.rows[0];
  return row ? { data: row.data, subject: row.subject_client_id } : null;
}

export async function writeRow(ctx: PushContext, tbl: string, rowId: string, data: RowData, subject: string | null): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO rows (centre_id, tbl, row_id, data, subject_client_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (centre_id, tbl, row_id) DO UPDATE SET data = excluded.data, subject_client_id = excluded.subject_client_id`,
    [ctx.centreId, tbl, rowId, JSON.stringify(data), subject],
  );
}

export async function deleteRow(ctx: PushContext, tbl: string, rowId: string): Promise<void> {
  await ctx.tx.query('DELETE FROM rows WHERE centre_id = $1 AND tbl = $2 AND row_id = $3', [ctx.centreId, tbl, rowId]);
}
