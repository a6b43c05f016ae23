import { serverDeskId } from '../../src-shared/sync/protocol';
import type { PlannedGroup, RowData, RowValue } from './batch-plan';
import { logChange } from './change-log';
import { GroupRefused } from './decision-errors';
import type { PushContext, Touched, TouchedRow } from './push-context';
import { readRow, writeRow } from './row-store';

/**
 * The decisions judged on a group as a whole, once all its changes are in: places of a session,
 * uses of a promo code (the one decision that keeps the group: see voidOverLimit), and the one
 * credit a booking or an appointment pays with. (Slots, credit
 * and unique values are judged by constraints as each row changes: see projections.ts.) The row
 * counted is locked first so that the count is the truth.
 */
/** The tables judgeGroup looks at. */
export const judgedTables: ReadonlySet<string> = new Set(['bookings', 'promo_redemptions', 'credit_ledger']);

export async function judgeGroup(ctx: PushContext, group: PlannedGroup, touched: Touched): Promise<void> {
  for (const row of touched.values()) {
    if (row.tbl === 'bookings') await judgeBooking(ctx, row);
    else if (row.tbl === 'promo_redemptions') await judgeRedemption(ctx, group, row);
    else if (row.tbl === 'credit_ledger') await judgeCreditMovement(ctx, row);
  }
}

const holdsPlace = (row: RowData | null) => row !== null && (row.status === 'booked' || row.status === 'attended' || row.status === 'no_show');

/** A desk's flag: 0, '0', '' and null (or missing) are off. */
const isSet = (value: RowValue | undefined) => value !== null && value !== undefined && value !== 0 && value !== '0' && value !== '';

/** A limit column: a whole number, or null for none. */
function limitOf(value: RowValue | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const limit = Number(value);
  return Number.isFinite(limit) ? limit : null;
}

async function lockedRow(ctx: PushContext, tbl: string, id: string): Promise<RowData | null> {
  const result = await ctx.tx.query<{ data: RowData }>('SELECT data FROM rows WHERE centre_id = $1 AND tbl = $2 AND row_id = $3 FOR UPDATE', [
    ctx.centreId,
    tbl,
    JSON.stringify([id]),
  ]);
  return result.rows[0]?.data ?? null;
}

async function judgeBooking(ctx: PushContext, row: TouchedRow): Promise<void> {
  const { after } = row;
  // Only a booking that takes a place now, and was not told to go over the session's places.
  if (!after || !holdsPlace(after) || holdsPlace(row.before) || isSet(after.over_places)) return;
  if (typeof after.occurrence_id !== 'string') return;
  const occurrence = await lockedRow(ctx, 'occurrences', after.occurrence_id);
  const places = limitOf(occurrence?.places);
  if (places === null) return;
  const held = await ctx.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM rows
      WHERE centre_id = $1 AND tbl = 'bookings' AND data ->> 'occurrence_id' = $2 AND data ->> 'status' IN ('booked', 'attended', 'no_show')`,
    [ctx.centreId, after.occurrence_id],
  );
  if (held.rows[0]!.n > places) throw new GroupRefused('place_taken', row.tbl, row.rowId);
}

async function judgeRedemption(ctx: PushContext, group: PlannedGroup, row: TouchedRow): Promise<void> {
  const { after, before } = row;
  if (!after || isSet(after.voided) || typeof after.promo_id !== 'string') return;
  const wasCounted = before !== null && !isSet(before.voided) && before.promo_id === after.promo_id && before.client_id === after.client_id;
  if (wasCounted) return;
  const promo = await lockedRow(ctx, 'promo_codes', after.promo_id);
  const maxUses = limitOf(promo?.max_uses);
  const maxPerClient = limitOf(promo?.max_uses_per_client);
  if (maxUses === null && maxPerClient === null) return;
  const counts = await ctx.tx.query<{ total: number; client: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE data ->> 'client_id' = $3)::int AS client FROM rows
      WHERE centre_id = $1 AND tbl = 'promo_redemptions' AND data ->> 'promo_id' = $2
        AND coalesce(data ->> 'voided', '0') IN ('0', '')`,
    [ctx.centreId, after.promo_id, typeof after.client_id === 'string' ? after.client_id : null],
  );
  const { total, client } = counts.rows[0]!;
  const overClient = maxPerClient !== null && typeof after.client_id === 'string' && client > maxPerClient;
  if ((maxUses !== null && total > maxUses) || overClient) await voidOverLimit(ctx, group, row, after);
}

/**
 * A use of a code past its limits is voided, but its sale is kept: the client paid the discounted
 * price at the counter and the receipt is printed, so undoing the sale would lose money taken. The
 * losing desk is told (a refusal naming only the use) and the code's uses stay within its limits.
 */
async function voidOverLimit(ctx: PushContext, group: PlannedGroup, row: TouchedRow, after: RowData): Promise<void> {
  const seq = group.changes.find((change) => change.tbl === row.tbl && change.rowId === row.rowId)?.seq ?? group.first;
  const stored = await readRow(ctx, row.tbl, row.rowId);
  await writeRow(ctx, row.tbl, row.rowId, { ...after, voided: 1 }, stored?.subject ?? null);
  row.after = { ...after, voided: 1 };
  ctx.refusals++;
  await ctx.tx.query(
    `INSERT INTO refusals (centre_id, desk_id, first_seq, last_seq, reason, tbl, row_id, server_seq) VALUES ($1, $2, $3, $3, 'promo_limit', $4, $5, $6)`,
    [ctx.centreId, ctx.deskId, seq, row.tbl, row.rowId, ctx.head],
  );
  await logChange(ctx, { deskId: serverDeskId, deskSeq: null, tbl: row.tbl, rowId: row.rowId, op: 'update', data: { voided: 1 }, subject: stored?.subject ?? null });
}

/**
 * A booking or an appointment pays one credit at most: the ledger entries naming it sum to -1
 * (paid) or 0 (owed, or paid back), in all and for each pass. Two desks that cancelled the same
 * booking apart would otherwise each give its credit back (or, paying it apart, each take one).
 */
async function judgeCreditMovement(ctx: PushContext, row: TouchedRow): Promise<void> {
  const { after, before } = row;
  // The ledger is append-only: only a new entry moves credit.
  if (!after || before !== null) return;
  const passId = typeof after.client_pass_id === 'string' ? after.client_pass_id : null;
  for (const column of ['booking_id', 'appointment_id'] as const) {
    const target = after[column];
    if (typeof target !== 'string' || target === '') continue;
    const sums = await ctx.tx.query<{ total: number; pass: number }>(
      `SELECT coalesce(sum(delta), 0)::int AS total, coalesce(sum(delta) FILTER (WHERE pass_id = $4), 0)::int AS pass
         FROM (SELECT data ->> 'client_pass_id' AS pass_id,
                      CASE WHEN data ->> 'delta' ~ '^-?[0-9]{1,9}$' THEN (data ->> 'delta')::int ELSE 0 END AS delta
                 FROM rows WHERE centre_id = $1 AND tbl = 'credit_ledger' AND data ->> $2 = $3) AS entries`,
      [ctx.centreId, column, target, passId],
    );
    const { total, pass } = sums.rows[0]!;
    // Named by what it paid for: the desk's conflicts list says which booking or appointment.
    if (total < -1 || total > 0 || pass < -1 || pass > 0) throw new GroupRefused('duplicate', column === 'booking_id' ? 'bookings' : 'appointments', JSON.stringify([target]));
  }
}
