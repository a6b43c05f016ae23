import { AppError } from '../../errors/app-error';
import type { CreditUse } from '../../engine/passes/choose-credit';
import { chooseCredit } from '../../engine/passes/choose-credit';
import { validUntilOf } from '../../engine/passes/validity';
import { newId } from '../../engine/ids';
import type { ReadDb, WriteTx } from '../database';
import type { ClientPassesTable } from '../tables/checkout';
import { toCandidate } from './client-passes';
import { appendLedger } from './ledger';
import { loadPassProduct } from './pass-products';
import { loadPlanProduct } from './plan-products';
import { insertRows } from '../precompiled-insert';
import { precompiled } from '../precompiled';

/**
 * The credit operations checkout and bookings share. Every movement is one credit_ledger row
 * written in the caller's transaction; client_passes.balance follows by trigger.
 */

export interface CreditContext {
  now: string;
  /** The desk's staff, recorded on the ledger row. */
  staffId: string | null;
}

/** What a sale gives a client: one client_passes row of a pass, or of one service of a plan. */
interface CreditLine {
  kind: 'pass' | 'plan';
  passProductId: string | null;
  planProductId: string | null;
  planGroupId: string | null;
  name: string;
  planName: string | null;
  credits: number;
  validUntil: string;
  sessionTypeIds: readonly string[];
  serviceIds: readonly string[];
}

/** Writes a credit line sold by `saleId` and its 'sale' ledger row (+credits). */
async function insertCreditLine(tx: WriteTx, sold: { clientId: string; saleId: string; localToday: string }, line: CreditLine, context: CreditContext): Promise<void> {
  const id = newId();
  await insertRows(tx, 'client_passes', {
    id,
    client_id: sold.clientId,
    kind: line.kind,
    pass_product_id: line.passProductId,
    plan_product_id: line.planProductId,
    plan_group_id: line.planGroupId,
    name: line.name,
    plan_name: line.planName,
    credits_total: line.credits,
    balance: 0,
    valid_from: sold.localToday,
    valid_until: line.validUntil,
    session_type_ids: JSON.stringify(line.sessionTypeIds),
    service_ids: JSON.stringify(line.serviceIds),
    sale_id: sold.saleId,
    created_at: context.now,
    updated_at: context.now,
  });
  await appendLedger(tx, { passId: id, kind: 'sale', delta: line.credits, saleId: sold.saleId, staffId: context.staffId, now: context.now });
}

/** Sells a pass product to a client: a client_passes row and its 'sale' ledger row (+credits). */
export async function issuePass(
  tx: WriteTx,
  input: { clientId: string; passProductId: string; saleId: string; localToday: string },
  context: CreditContext,
): Promise<void> {
  const product = await loadPassProduct(tx, input.passProductId, 'passProductId');
  const validUntil = validUntilOf(product.validity, input.localToday);
  // A product with a fixed end date already past cannot be sold.
  if (validUntil < input.localToday) throw new AppError('pass_expired', 'passProductId');
  await insertCreditLine(
    tx,
    input,
    {
      kind: 'pass',
      passProductId: product.id,
      planProductId: null,
      planGroupId: null,
      name: product.name,
      planName: null,
      credits: product.credits,
      validUntil,
      sessionTypeIds: product.sessionTypeIds,
      serviceIds: product.serviceIds,
    },
    context,
  );
}

/** Sells a plan product: one client_passes row (kind 'plan') per service of the plan, grouped. */
export async function issuePlan(
  tx: WriteTx,
  input: { clientId: string; planProductId: string; saleId: string; localToday: string },
  context: CreditContext,
): Promise<void> {
  const plan = await loadPlanProduct(tx, input.planProductId, 'planProductId');
  const planGroupId = newId();
  const validUntil = validUntilOf({ kind: 'days', days: plan.validityDays }, input.localToday);
  for (const item of plan.items) {
    await insertCreditLine(
      tx,
      input,
      {
        kind: 'plan',
        passProductId: null,
        planProductId: plan.id,
        planGroupId,
        name: item.serviceName,
        planName: plan.name,
        credits: item.quantity,
        validUntil,
        sessionTypeIds: [],
        serviceIds: [item.serviceId],
      },
      context,
    );
  }
}

/**
 * The client's pass or plan line that would pay `use` on `date` (local): valid that day, balance > 0,
 * covering it; plan lines before passes, then the one expiring first. `only` narrows the kind.
 */
export async function usableCredit(
  db: ReadDb,
  input: { clientId: string; use: CreditUse; date: string; only?: 'pass' | 'plan' },
): Promise<ClientPassesTable | null> {
  let query = db
    .selectFrom('client_passes')
    .selectAll()
    .where('client_id', '=', input.clientId)
    .where('valid_until', '>=', input.date)
    .where('valid_from', '<=', input.date)
    .where('balance', '>', 0);
  if (input.only) query = query.where('kind', '=', input.only);
  const rows = await query.execute();
  return chooseCredit(rows.map(toCandidate), input.use, input.date, input.only)?.row ?? null;
}

// Every credit spent reads its pass's balance: built once.
const passBalance = precompiled((db, p: { id: string }) => db.selectFrom('client_passes').select('balance').where('id', '=', p.id));

/** Spends one credit of a pass (a 'redemption' ledger row, −1) for a booking, an appointment or a sale line. */
export async function redeemCredit(
  tx: WriteTx,
  input: { passId: string; bookingId?: string; appointmentId?: string; saleId?: string },
  context: CreditContext,
): Promise<void> {
  const [pass] = await passBalance(tx, { id: input.passId });
  if (!pass) throw new AppError('not_found', 'passId');
  if (pass.balance < 1) throw new AppError('insufficient_credits', 'passId');
  await appendLedger(tx, {
    passId: input.passId,
    kind: 'redemption',
    delta: -1,
    bookingId: input.bookingId ?? null,
    appointmentId: input.appointmentId ?? null,
    saleId: input.saleId ?? null,
    staffId: context.staffId,
    now: context.now,
  });
}

interface Redemption {
  client_pass_id: string;
  booking_id: string | null;
  appointment_id: string | null;
}

/** The booking or appointment a redemption paid; null for a sale line's own. */
function paidTarget(row: Redemption): { table: 'bookings' | 'appointments'; id: string } | null {
  if (row.booking_id) return { table: 'bookings', id: row.booking_id };
  if (row.appointment_id) return { table: 'appointments', id: row.appointment_id };
  return null;
}

/** Whether the booking or appointment a redemption paid still holds that credit (always, for a line without one). */
async function stillPaidBy(db: ReadDb, row: Redemption): Promise<boolean> {
  const paid = paidTarget(row);
  if (paid === null) return true;
  const target = await db.selectFrom(paid.table).select(['credit_state', 'client_pass_id']).where('id', '=', paid.id).executeTakeFirst();
  return target?.credit_state === 'redeemed' && target.client_pass_id === row.client_pass_id;
}

/**
 * Undoes what a sale did with credits when it is voided: passes and plans it sold lose their
 * remaining balance (an 'adjustment' row with the reason) and credits its lines redeemed come back
 * (a 'refund' row each; a booking or appointment they paid goes back to 'pending').
 */
export async function reverseSaleCredits(tx: WriteTx, saleId: string, reason: string, context: CreditContext): Promise<void> {
  const redeemed = await tx
    .selectFrom('credit_ledger')
    .select(['client_pass_id', 'booking_id', 'appointment_id'])
    .where('sale_id', '=', saleId)
    .where('kind', '=', 'redemption')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // Refunds first: a credit spent from a pass this same sale sold is then taken away with the rest.
  for (const row of redeemed) {
    // A booking or appointment cancelled (refunded) or missed (forfeited) since: its credit was already settled.
    if (!(await stillPaidBy(tx, row))) continue;
    await appendLedger(tx, {
      passId: row.client_pass_id,
      kind: 'refund',
      delta: 1,
      bookingId: row.booking_id,
      appointmentId: row.appointment_id,
      saleId,
      reason,
      staffId: context.staffId,
      now: context.now,
    });
    const paid = paidTarget(row);
    if (paid) {
      await tx
        .updateTable(paid.table)
        .set({ credit_state: 'pending', client_pass_id: null, updated_at: context.now })
        .where('id', '=', paid.id)
        .where('credit_state', '=', 'redeemed')
        .where('client_pass_id', '=', row.client_pass_id)
        .execute();
    }
  }
  const sold = await tx.selectFrom('client_passes').select(['id', 'balance']).where('sale_id', '=', saleId).where('balance', '>', 0).execute();
  for (const pass of sold) {
    await appendLedger(tx, { passId: pass.id, kind: 'adjustment', delta: -pass.balance, saleId, reason, staffId: context.staffId, now: context.now });
  }
}
