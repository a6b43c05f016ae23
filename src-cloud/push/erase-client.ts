import { serverDeskId } from '../../src-shared/sync/protocol';
import type { PlannedChange, RowData } from './batch-plan';
import { logChange } from './change-log';
import { project } from './projections';
import type { PushContext, Touched } from './push-context';
import { touch } from './push-context';
import { deleteRow, writeRow } from './row-store';

/**
 * The tables whose rows outlive their client, their client column set to null: the desks' foreign
 * keys to clients that are ON DELETE SET NULL (a sale stays in the books). Every other row of the
 * client goes, as the desks' ON DELETE CASCADE takes it. tests/cloud/erasure.test.ts checks this
 * list against the desk's schema.
 */
export const keptOnErasure: Readonly<Record<string, readonly string[]>> = {
  sales: ['client_id'],
  promo_redemptions: ['client_id'],
  // An invoice is kept for the years the tax law says (GDPR art. 17.3.b): only its link to the card goes.
  invoices: ['client_id'],
};

/**
 * A client's right to be forgotten, on the server: their rows go (or lose their reference to them),
 * every earlier entry of the log about them loses its data (keeping its place in the order), and
 * the erasure is recorded by id so that later uploads about them are dropped.
 */
export async function eraseClient(ctx: PushContext, change: PlannedChange, touched: Touched): Promise<void> {
  const clientId = String(change.key[0]);
  await ctx.tx.query('INSERT INTO erased_clients (centre_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [ctx.centreId, clientId]);
  ctx.erased.add(clientId);

  const rows = await ctx.tx.query<{ tbl: string; row_id: string; data: RowData }>(
    `SELECT tbl, row_id, data FROM rows
      WHERE centre_id = $1 AND (subject_client_id = $2 OR (tbl = 'clients' AND row_id = $3)) ORDER BY tbl, row_id`,
    [ctx.centreId, clientId, change.rowId],
  );
  const gone = new Map<string, string[]>();
  for (const row of rows.rows) {
    const kept = row.tbl === 'clients' ? undefined : keptOnErasure[row.tbl];
    const after = kept ? { ...row.data, ...Object.fromEntries(kept.map((column) => [column, null])) } : null;
    if (after) await writeRow(ctx, row.tbl, row.row_id, after, null);
    else await deleteRow(ctx, row.tbl, row.row_id);
    touch(touched, row.tbl, row.row_id, row.data, after);
    await project(ctx, row.tbl, row.row_id, row.data, after);
    if (!after && typeof row.data.id === 'string') gone.set(row.tbl, [...(gone.get(row.tbl) ?? []), row.data.id]);
  }
  await nullReferencesTo(ctx, gone, touched);

  const seq = await logChange(ctx, { deskId: ctx.deskId, deskSeq: change.seq, tbl: 'clients', rowId: change.rowId, op: 'erase', data: null, subject: null });
  await redactLog(ctx, clientId, change.rowId, seq);
}

/**
 * The references to rows an erasure deletes that the desks' foreign keys set to null (ON DELETE
 * SET NULL): a sale line that sold the client's pass, or charged their booking or appointment,
 * stays in the books without it. The erasing desk nulls those it has; a row it had not heard of
 * (a pass another desk sold them meanwhile) is nulled here, and sent to every desk.
 */
export const nulledOnErasure: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sale_lines: { client_pass_id: 'client_passes', booking_id: 'bookings', appointment_id: 'appointments' },
  bookings: { client_pass_id: 'client_passes' },
  appointments: { client_pass_id: 'client_passes' },
};

async function nullReferencesTo(ctx: PushContext, gone: ReadonlyMap<string, string[]>, touched: Touched): Promise<void> {
  for (const [tbl, columns] of Object.entries(nulledOnErasure)) {
    for (const [column, parent] of Object.entries(columns)) {
      const ids = gone.get(parent);
      if (!ids) continue;
      const holders = await ctx.tx.query<{ row_id: string; data: RowData; subject_client_id: string | null }>(
        'SELECT row_id, data, subject_client_id FROM rows WHERE centre_id = $1 AND tbl = $2 AND data ->> $3 = ANY($4::text[]) ORDER BY row_id',
        [ctx.centreId, tbl, column, ids],
      );
      for (const row of holders.rows) {
        const after = { ...row.data, [column]: null };
        await writeRow(ctx, tbl, row.row_id, after, row.subject_client_id);
        touch(touched, tbl, row.row_id, row.data, after);
        await project(ctx, tbl, row.row_id, row.data, after);
        await logChange(ctx, { deskId: serverDeskId, deskSeq: null, tbl, rowId: row.row_id, op: 'update', data: { [column]: null }, subject: row.subject_client_id });
      }
    }
  }
}

async function redactLog(ctx: PushContext, clientId: string, clientRowId: string, before: number): Promise<void> {
  const about = `centre_id = $1 AND server_seq < $2 AND (subject_client_id = $3 OR (tbl = 'clients' AND row_id = $4))`;
  const params = [ctx.centreId, before, clientId, clientRowId];
  for (const [tbl, columns] of Object.entries(keptOnErasure)) {
    let data = 'data';
    for (const column of columns) data = `CASE WHEN ${data} ? '${column}' THEN jsonb_set(${data}, '{${column}}', 'null') ELSE ${data} END`;
    await ctx.tx.query(`UPDATE changes SET data = ${data}, subject_client_id = NULL WHERE ${about} AND tbl = '${tbl}'`, params);
  }
  await ctx.tx.query(`UPDATE changes SET data = NULL, subject_client_id = NULL WHERE ${about}`, params);
}
