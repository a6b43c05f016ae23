import { uniqueKeys, uniqueKeyValue } from '../../src-shared/sync/unique-keys';
import type { RowData } from './batch-plan';
import type { PushContext } from './push-context';

/**
 * Keeps every projection of the rows that PostgreSQL judges by a constraint: the unique values a
 * row claims, an appointment's blocked time, a pass's balance. Called with the row before and
 * after each change (null when absent), so inserts, updates, deletes and erasures all keep them
 * exact. A constraint it trips is a decision (see decision-errors.ts).
 */
export async function project(ctx: PushContext, tbl: string, rowId: string, before: RowData | null, after: RowData | null): Promise<void> {
  await projectUniqueClaims(ctx, tbl, rowId, before, after);
  if (tbl === 'appointments') await projectSlot(ctx, rowId, before, after);
  if (tbl === 'credit_ledger') await projectLedger(ctx, before, after);
  if (tbl === 'client_passes' && after === null && before !== null) {
    await ctx.tx.query('DELETE FROM pass_balances WHERE centre_id = $1 AND client_pass_id = $2', [ctx.centreId, String(before.id)]);
  }
}

const keysByTable = new Map<string, (typeof uniqueKeys)[number][]>();
for (const key of uniqueKeys) keysByTable.set(key.table, [...(keysByTable.get(key.table) ?? []), key]);

/** Whether project() does anything for the table's rows (if not, its changes may be applied in bulk). */
export function hasProjection(tbl: string): boolean {
  return keysByTable.has(tbl) || tbl === 'appointments' || tbl === 'credit_ledger' || tbl === 'client_passes';
}

async function projectUniqueClaims(ctx: PushContext, tbl: string, rowId: string, before: RowData | null, after: RowData | null): Promise<void> {
  for (const key of keysByTable.get(tbl) ?? []) {
    const old = before ? uniqueKeyValue(key, before) : null;
    const now = after ? uniqueKeyValue(key, after) : null;
    if (old === now) continue;
    if (old !== null) {
      await ctx.tx.query('DELETE FROM unique_claims WHERE centre_id = $1 AND key_name = $2 AND key_value = $3 AND tbl = $4 AND row_id = $5', [
        ctx.centreId,
        key.name,
        old,
        tbl,
        rowId,
      ]);
    }
    if (now !== null) {
      await ctx.tx.query('INSERT INTO unique_claims (centre_id, key_name, key_value, tbl, row_id) VALUES ($1, $2, $3, $4, $5)', [ctx.centreId, key.name, now, tbl, rowId]);
    }
  }
}

interface Slot {
  staffId: string;
  from: string;
  until: string;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The time an appointment blocks, buffers included; none when cancelled, overridden or unreadable. */
function slotOf(row: RowData | null): Slot | null {
  if (!row || row.status === 'cancelled' || (row.overridden !== null && row.overridden !== undefined)) return null;
  const { staff_id: staffId, blocked_from: from, blocked_until: until } = row;
  if (typeof staffId !== 'string' || typeof from !== 'string' || typeof until !== 'string') return null;
  if (!isoInstant.test(from) || !isoInstant.test(until)) return null;
  const start = Date.parse(from);
  const end = Date.parse(until);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
  return { staffId, from: new Date(start).toISOString(), until: new Date(end).toISOString() };
}

async function projectSlot(ctx: PushContext, appointmentId: string, before: RowData | null, after: RowData | null): Promise<void> {
  const old = slotOf(before);
  const now = slotOf(after);
  if (old?.staffId === now?.staffId && old?.from === now?.from && old?.until === now?.until) return;
  if (old) await ctx.tx.query('DELETE FROM appointment_slots WHERE centre_id = $1 AND appointment_id = $2', [ctx.centreId, appointmentId]);
  if (now) {
    await ctx.tx.query(`INSERT INTO appointment_slots (centre_id, appointment_id, staff_id, during) VALUES ($1, $2, $3, tstzrange($4, $5, '[)'))`, [
      ctx.centreId,
      appointmentId,
      now.staffId,
      now.from,
      now.until,
    ]);
  }
}

function ledgerEntry(row: RowData | null): { passId: string; delta: number } | null {
  if (!row || typeof row.client_pass_id !== 'string') return null;
  const delta = Number(row.delta);
  return Number.isSafeInteger(delta) ? { passId: row.client_pass_id, delta } : null;
}

/**
 * A pass's balance is the sum of its ledger, as the desks' trigger keeps it: only an inserted entry
 * moves it (the ledger is append-only; entries go only when their pass goes, which drops the balance).
 */
async function projectLedger(ctx: PushContext, before: RowData | null, after: RowData | null): Promise<void> {
  const old = ledgerEntry(before);
  const now = ledgerEntry(after);
  if (!now) return;
  const delta = old && old.passId === now.passId ? now.delta - old.delta : now.delta;
  if (delta === 0) return;
  // Update first: ON CONFLICT would check the new row's balance (the delta alone) before merging.
  const moved = await ctx.tx.query('UPDATE pass_balances SET balance = balance + $3 WHERE centre_id = $1 AND client_pass_id = $2', [ctx.centreId, now.passId, delta]);
  if (moved.rowCount === 0) await ctx.tx.query('INSERT INTO pass_balances (centre_id, client_pass_id, balance) VALUES ($1, $2, $3)', [ctx.centreId, now.passId, delta]);
}
