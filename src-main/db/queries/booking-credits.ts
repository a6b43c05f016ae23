import type { CreditState } from '../../../src-shared/domain/passes';
import { AppError } from '../../errors/app-error';
import type { CreditUse } from '../../engine/passes/choose-credit';
import type { CreditChange } from '../../engine/passes/credit-rules';
import { attendanceCreditStep, creditOnCancel, creditOnCentreCancel, creditOnNoShow, creditOnNoShowUndone } from '../../engine/passes/credit-rules';
import { isValidOn } from '../../engine/passes/validity';
import type { ReadDb, WriteTx } from '../database';
import type { ClientPassesTable } from '../tables/checkout';
import type { CreditContext } from './credits';
import { redeemCredit, usableCredit } from './credits';
import { readCreditPolicy } from './credit-policy';
import { appendLedger } from './ledger';

/** What a credit pays for: a session booking or an appointment. */
export interface CreditTargetRef {
  kind: 'booking' | 'appointment';
  id: string;
}

/** A booking or appointment as the credit rules see it. */
export interface CreditTarget extends CreditTargetRef {
  clientId: string;
  status: string;
  startsAt: string;
  localDate: string;
  /** What a credit would pay: the session's type (none: no pass can pay) or the service. */
  use: CreditUse | null;
  /** The session or the appointment's schedule is redeemable with passes. */
  passesAllowed: boolean;
  /** Plans pay services (appointments), never session types. */
  plansApply: boolean;
  creditState: CreditState;
  clientPassId: string | null;
  payWithPass: boolean;
}

/** The columns bookings and appointments share, as loadCreditTarget reads them. */
interface TargetRow {
  client_id: string;
  status: string;
  credit_state: CreditState;
  client_pass_id: string | null;
  pay_with_pass: number;
  starts_at: string;
  local_date: string;
  redeemable_with_passes: number | null;
}

function toCreditTarget(ref: CreditTargetRef, row: TargetRow, use: CreditUse | null, plansApply: boolean): CreditTarget {
  return {
    ...ref,
    clientId: row.client_id,
    status: row.status,
    startsAt: row.starts_at,
    localDate: row.local_date,
    use,
    passesAllowed: row.redeemable_with_passes === 1,
    plansApply,
    creditState: row.credit_state,
    clientPassId: row.client_pass_id,
    payWithPass: row.pay_with_pass === 1,
  };
}

export async function loadCreditTarget(db: ReadDb, ref: CreditTargetRef, field: string): Promise<CreditTarget> {
  if (ref.kind === 'booking') {
    const row = await db
      .selectFrom('bookings as b')
      .innerJoin('occurrences as o', 'o.id', 'b.occurrence_id')
      .innerJoin('series as s', 's.id', 'o.series_id')
      .select(['b.client_id', 'b.status', 'b.credit_state', 'b.client_pass_id', 'b.pay_with_pass', 'o.starts_at', 'o.local_date', 's.session_type_id', 's.redeemable_with_passes'])
      .where('b.id', '=', ref.id)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', field);
    return toCreditTarget(ref, row, row.session_type_id === null ? null : { sessionTypeId: row.session_type_id }, false);
  }
  const row = await db
    .selectFrom('appointments as a')
    .leftJoin('appointment_schedules as sc', 'sc.id', 'a.schedule_id')
    .select(['a.client_id', 'a.status', 'a.credit_state', 'a.client_pass_id', 'a.pay_with_pass', 'a.starts_at', 'a.local_date', 'a.service_id', 'sc.redeemable_with_passes'])
    .where('a.id', '=', ref.id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toCreditTarget(ref, row, { serviceId: row.service_id }, true);
}

/** The kinds of credit that may pay a target: any, plan lines only, or none at all. */
export function payableBy(target: Pick<CreditTarget, 'passesAllowed' | 'plansApply'>): 'any' | 'plan' | 'none' {
  return target.passesAllowed ? 'any' : target.plansApply ? 'plan' : 'none';
}

/** What a credit would pay for a booking or appointment, and of which kind (`only`); null when none may pay it. */
export function creditChoiceFor(target: Pick<CreditTarget, 'use' | 'passesAllowed' | 'plansApply'>): { use: CreditUse; only?: 'plan' } | null {
  const payable = payableBy(target);
  if (target.use === null || payable === 'none') return null;
  return { use: target.use, ...(payable === 'plan' ? { only: 'plan' as const } : {}) };
}

/** The credit that would pay a booking or appointment (the rules' choice), or null. */
export async function usableFor(
  db: ReadDb,
  target: Pick<CreditTarget, 'clientId' | 'use' | 'localDate' | 'passesAllowed' | 'plansApply'>,
): Promise<ClientPassesTable | null> {
  const choice = creditChoiceFor(target);
  return choice && usableCredit(db, { clientId: target.clientId, date: target.localDate, ...choice });
}

function targetTable(kind: CreditTargetRef['kind']) {
  return kind === 'booking' ? 'bookings' : 'appointments';
}

function targetIds(ref: CreditTargetRef) {
  return ref.kind === 'booking' ? { bookingId: ref.id } : { appointmentId: ref.id };
}

async function setCredit(tx: WriteTx, ref: CreditTargetRef, columns: { credit_state: CreditState; client_pass_id?: string | null }, now: string): Promise<void> {
  await tx
    .updateTable(targetTable(ref.kind))
    .set({ ...columns, updated_at: now })
    .where('id', '=', ref.id)
    .execute();
}

/** Moves a sale line's booking or appointment from one credit state to another, if it is in the first. */
export async function setLinkedCredit(
  tx: WriteTx,
  line: { bookingId: string | null; appointmentId: string | null },
  from: 'pending' | 'none',
  to: 'pending' | 'none',
  now: string,
): Promise<void> {
  const change = { credit_state: to, updated_at: now };
  if (line.bookingId) await tx.updateTable('bookings').set(change).where('id', '=', line.bookingId).where('credit_state', '=', from).execute();
  if (line.appointmentId) await tx.updateTable('appointments').set(change).where('id', '=', line.appointmentId).where('credit_state', '=', from).execute();
}

/** Spends one credit of `passId` for the target (by the sale `saleId`, if one), in the caller's transaction: it becomes 'redeemed'. */
export async function spendCreditFor(tx: WriteTx, ref: CreditTargetRef, passId: string, context: CreditContext, saleId?: string): Promise<void> {
  await redeemCredit(tx, { passId, ...targetIds(ref), ...(saleId !== undefined ? { saleId } : {}) }, context);
  await setCredit(tx, ref, { credit_state: 'redeemed', client_pass_id: passId }, context.now);
}

async function applyChange(tx: WriteTx, target: CreditTarget, change: CreditChange, context: CreditContext): Promise<CreditState | null> {
  if (!change) return null;
  if (change.refund && target.clientPassId) {
    await appendLedger(tx, { passId: target.clientPassId, kind: 'refund', delta: 1, ...targetIds(target), staffId: context.staffId, now: context.now });
  }
  await setCredit(tx, target, { credit_state: change.state }, context.now);
  return change.state;
}

/**
 * A redeemed appointment moved to another date: a credit not valid on the new date comes back to
 * its pass, and the credit the rules choose for the new date pays instead; else it is owed (pending)
 * where passes pay it, and nothing is owed where only a plan would have.
 */
export async function creditOnMoved(tx: WriteTx, ref: CreditTargetRef, context: CreditContext): Promise<CreditState | null> {
  const target = await loadCreditTarget(tx, ref, `${ref.kind}Id`);
  if (target.creditState !== 'redeemed' || target.clientPassId === null) return null;
  const pass = await tx.selectFrom('client_passes').select(['valid_from', 'valid_until']).where('id', '=', target.clientPassId).executeTakeFirstOrThrow();
  if (isValidOn({ validFrom: pass.valid_from, validUntil: pass.valid_until }, target.localDate)) return null;
  await appendLedger(tx, { passId: target.clientPassId, kind: 'refund', delta: 1, ...targetIds(target), staffId: context.staffId, now: context.now });
  const next = await usableFor(tx, target);
  if (next) {
    await spendCreditFor(tx, ref, next.id, context);
    return 'redeemed';
  }
  const state = target.passesAllowed ? 'pending' : 'none';
  await setCredit(tx, ref, { credit_state: state, client_pass_id: null }, context.now);
  return state;
}

/** A booking or appointment being cancelled: its credit comes back in time, is forfeited late (the policy); a pending one is no longer owed. */
export async function creditOnCancelled(tx: WriteTx, ref: CreditTargetRef, context: CreditContext): Promise<CreditState | null> {
  const target = await loadCreditTarget(tx, ref, `${ref.kind}Id`);
  const change = creditOnCancel(target.creditState, await readCreditPolicy(tx), target.startsAt, context.now);
  return change ? applyChange(tx, target, change, context) : null;
}

/** The centre cancelled what was booked (a session occurrence): the credit comes back in full. */
export async function creditOnCentreCancelled(tx: WriteTx, ref: CreditTargetRef, context: CreditContext): Promise<CreditState | null> {
  const target = await loadCreditTarget(tx, ref, `${ref.kind}Id`);
  const change = creditOnCentreCancel(target.creditState);
  return change ? applyChange(tx, target, change, context) : null;
}

/**
 * Attendance changed from `from` to `to`. Entering a no-show forfeits the credit or gives it back
 * (the policy). Leaving one (an undo, or attended after all) restores it: a forfeited credit was
 * never given back, so it is 'redeemed' again; a refunded one is spent again, from the same pass
 * while it can pay, else from the pass the rules choose, else the credit is left 'pending'.
 */
export async function creditOnAttendance(tx: WriteTx, ref: CreditTargetRef, from: string, to: string, context: CreditContext): Promise<CreditState | null> {
  const step = attendanceCreditStep(from, to);
  if (!step) return null;
  const target = await loadCreditTarget(tx, ref, `${ref.kind}Id`);
  const now = context.now;
  if (step === 'no_show') return applyChange(tx, target, creditOnNoShow(target.creditState, await readCreditPolicy(tx)), context);
  const undo = creditOnNoShowUndone(target.creditState);
  if (undo === null) return null;
  if (undo === 'redeemed') {
    await setCredit(tx, ref, { credit_state: 'redeemed' }, now);
    return 'redeemed';
  }
  const same = target.clientPassId ? await tx.selectFrom('client_passes').selectAll().where('id', '=', target.clientPassId).executeTakeFirst() : undefined;
  const pass = same && same.balance > 0 && isValidOn({ validFrom: same.valid_from, validUntil: same.valid_until }, target.localDate) ? same : await usableFor(tx, target);
  if (!pass) {
    await setCredit(tx, ref, { credit_state: 'pending', client_pass_id: null }, now);
    return 'pending';
  }
  await spendCreditFor(tx, ref, pass.id, context);
  return 'redeemed';
}
