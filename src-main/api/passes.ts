import type { PassValidity, PendingCredit, ToSchedule } from '../../src-shared/domain/passes';
import type { WriteTx } from '../db/database';
import type { CreditTarget } from '../db/queries/booking-credits';
import { loadCreditTarget, payableBy, spendCreditFor, usableFor } from '../db/queries/booking-credits';
import { assertClientExists, creditsHeld, loadPassRow, passesOfClient, toCandidate, toClientPass } from '../db/queries/client-passes';
import { readCreditPolicy, writeCreditPolicy } from '../db/queries/credit-policy';
import { appendLedger, ledgerOf } from '../db/queries/ledger';
import { servicePrices } from '../db/queries/catalogue';
import { insertPassProduct, listPassProducts, loadPassProduct, updatePassProduct, validityColumns, writePassCover } from '../db/queries/pass-products';
import { pendingCredits } from '../db/queries/pending-credits';
import { insertPlanProduct, listPlanProducts, loadPlanProduct, updatePlanProduct, writePlanItems } from '../db/queries/plan-products';
import { servicesPassesPay } from '../db/queries/schedules';
import { centreToday } from '../db/queries/settings';
import { assertNameFree } from '../db/queries/unique-name';
import { newId } from '../engine/ids';
import { covers } from '../engine/passes/choose-credit';
import { coverageOf } from '../engine/passes/coverage';
import { isExpired } from '../engine/passes/validity';
import { AppError } from '../errors/app-error';
import { creditContextOf } from './caller';
import type { Handlers } from './handler';
import { vatRateToSave } from './vat-rate';

type PassHandlers = Pick<
  Handlers,
  | 'passProducts.list'
  | 'passProducts.create'
  | 'passProducts.update'
  | 'planProducts.list'
  | 'planProducts.create'
  | 'planProducts.update'
  | 'passes.ofClient'
  | 'passes.ledger'
  | 'passes.adjust'
  | 'passes.redeem'
  | 'passes.pending'
  | 'passes.toSchedule'
  | 'passes.coverage'
  | 'creditPolicy.get'
  | 'creditPolicy.update'
>;

/** A fixed end date already past would sell passes that are expired at the sale. */
function checkValidity(validity: PassValidity | undefined, today: string): void {
  if (validity?.kind === 'until' && validity.date < today) throw new AppError('invalid_date', 'validity.date');
}

/** Which pass pays: the one given (it must belong to the client, be valid on the date, cover it and hold a credit), else the rules' choice. */
async function payingPass(tx: WriteTx, target: CreditTarget, passId: string | undefined) {
  if (passId === undefined) {
    const pass = await usableFor(tx, target);
    if (!pass) throw new AppError('no_valid_pass', 'target');
    return pass;
  }
  const pass = await loadPassRow(tx, passId, 'passId');
  if (pass.client_id !== target.clientId) throw new AppError('no_valid_pass', 'passId');
  if (pass.valid_until < target.localDate) throw new AppError('pass_expired', 'passId');
  const kindAllowed = payableBy(target) === 'any' || pass.kind === 'plan';
  if (pass.valid_from > target.localDate || target.use === null || !kindAllowed || !covers(toCandidate(pass), target.use)) throw new AppError('no_valid_pass', 'passId');
  if (pass.balance < 1) throw new AppError('insufficient_credits', 'passId');
  return pass;
}

export const passHandlers: PassHandlers = {
  'passProducts.list': async ({ includeInactive }, { db }) => listPassProducts(db, includeInactive ?? false),

  'passProducts.create': async (input, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'pass_products', input.name);
    checkValidity(input.validity, await centreToday(tx, new Date(now)));
    const vat = await vatRateToSave(tx, input.vatRateBp, true);
    const id = newId();
    await insertPassProduct(tx, {
      id,
      name: input.name,
      name_key: nameKey,
      credits: input.credits,
      ...validityColumns(input.validity),
      price_minor: input.priceMinor,
      vat_rate_bp: vat,
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    });
    await writePassCover(tx, id, input.sessionTypeIds, input.serviceIds);
    log({ entity: 'pass_product', entityId: id, changes: { ...input, vatRateBp: vat } });
    return loadPassProduct(tx, id);
  },

  'passProducts.update': async ({ id, ...changes }, { tx, now, log }) => {
    const current = await loadPassProduct(tx, id);
    const nameKey = changes.name === undefined ? undefined : await assertNameFree(tx, 'pass_products', changes.name, id);
    checkValidity(changes.validity, await centreToday(tx, new Date(now)));
    const vat = await vatRateToSave(tx, changes.vatRateBp, false);
    await updatePassProduct(
      tx,
      id,
      {
        ...(changes.name !== undefined ? { name: changes.name, name_key: nameKey } : {}),
        ...(changes.credits !== undefined ? { credits: changes.credits } : {}),
        ...(changes.validity !== undefined ? validityColumns(changes.validity) : {}),
        ...(changes.priceMinor !== undefined ? { price_minor: changes.priceMinor } : {}),
        ...(vat !== undefined ? { vat_rate_bp: vat } : {}),
        ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
      },
      now,
    );
    if (changes.sessionTypeIds !== undefined || changes.serviceIds !== undefined) {
      await writePassCover(tx, id, changes.sessionTypeIds ?? current.sessionTypeIds, changes.serviceIds ?? current.serviceIds);
    }
    log({ entity: 'pass_product', entityId: id, changes });
    return loadPassProduct(tx, id);
  },

  'planProducts.list': async ({ includeInactive }, { db }) => listPlanProducts(db, includeInactive ?? false),

  'planProducts.create': async (input, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'plan_products', input.name);
    const vat = await vatRateToSave(tx, input.vatRateBp, true);
    const id = newId();
    await insertPlanProduct(tx, {
      id,
      name: input.name,
      name_key: nameKey,
      validity_days: input.validityDays,
      price_minor: input.priceMinor,
      vat_rate_bp: vat,
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    });
    await writePlanItems(tx, id, input.items);
    log({ entity: 'plan_product', entityId: id, changes: { ...input, vatRateBp: vat } });
    return loadPlanProduct(tx, id);
  },

  'planProducts.update': async ({ id, ...changes }, { tx, now, log }) => {
    await loadPlanProduct(tx, id);
    const nameKey = changes.name === undefined ? undefined : await assertNameFree(tx, 'plan_products', changes.name, id);
    const vat = await vatRateToSave(tx, changes.vatRateBp, false);
    await updatePlanProduct(
      tx,
      id,
      {
        ...(changes.name !== undefined ? { name: changes.name, name_key: nameKey } : {}),
        ...(changes.validityDays !== undefined ? { validity_days: changes.validityDays } : {}),
        ...(changes.priceMinor !== undefined ? { price_minor: changes.priceMinor } : {}),
        ...(vat !== undefined ? { vat_rate_bp: vat } : {}),
        ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
      },
      now,
    );
    if (changes.items !== undefined) await writePlanItems(tx, id, changes.items);
    log({ entity: 'plan_product', entityId: id, changes });
    return loadPlanProduct(tx, id);
  },

  'passes.ofClient': async ({ clientId, includeExpired }, { db }) => {
    await assertClientExists(db, clientId);
    const today = await centreToday(db);
    const rows = await passesOfClient(db, clientId, { today, includeExpired: includeExpired ?? false });
    return rows.map((row) => toClientPass(row, today));
  },

  'passes.ledger': async ({ passId }, { db }) => {
    await loadPassRow(db, passId);
    return ledgerOf(db, passId);
  },

  'passes.adjust': async ({ passId, delta, reason }, { tx, now, log, caller }) => {
    const pass = await loadPassRow(tx, passId);
    const today = await centreToday(tx, new Date(now));
    if (isExpired({ validUntil: pass.valid_until }, today)) throw new AppError('pass_expired', 'passId');
    if (pass.balance + delta < 0) throw new AppError('insufficient_credits', 'delta');
    await appendLedger(tx, { passId, kind: 'adjustment', delta, reason, staffId: caller.staffId, now });
    log({ entity: 'client_pass', entityId: passId, subjectClientId: pass.client_id, changes: { delta, reason } });
    return toClientPass(await loadPassRow(tx, passId), today);
  },

  'passes.redeem': async ({ target: ref, passId }, context) => {
    const { tx, now, log } = context;
    const target = await loadCreditTarget(tx, ref, 'target.id');
    if (target.creditState === 'redeemed' || target.creditState === 'forfeited') throw new AppError('credit_already_redeemed', 'target');
    if (target.creditState !== 'pending' || payableBy(target) === 'none') throw new AppError('credit_not_needed', 'target');
    // Waitlisted: nothing is spent while waiting (completing the booking does it).
    if (target.status !== 'booked' && target.status !== 'attended') throw new AppError('invalid_status_change', 'target');
    const pass = await payingPass(tx, target, passId);
    await spendCreditFor(tx, target, pass.id, creditContextOf(context));
    log({ entity: ref.kind, entityId: ref.id, subjectClientId: target.clientId, changes: { creditState: 'redeemed', passId: pass.id } });
    return toClientPass(await loadPassRow(tx, pass.id), await centreToday(tx, new Date(now)));
  },

  'passes.pending': async ({ clientId }, { db }): Promise<PendingCredit[]> => {
    if (clientId !== undefined) await assertClientExists(db, clientId);
    return pendingCredits(db, clientId);
  },

  'passes.toSchedule': async ({ clientId }, { db }): Promise<ToSchedule[]> => {
    await assertClientExists(db, clientId);
    const today = await centreToday(db);
    const rows = (await creditsHeld(db, [clientId], today)).filter((r) => r.valid_from <= today);
    rows.sort((a, b) => a.valid_until.localeCompare(b.valid_until) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    return rows.map((row) => {
      const pass = toClientPass(row, today);
      return {
        passId: pass.id,
        kind: pass.kind,
        name: pass.planName === null ? pass.name : `${pass.planName} · ${pass.name}`,
        remaining: pass.balance,
        validUntil: pass.validUntil,
        sessionTypeIds: pass.sessionTypeIds,
        serviceIds: pass.serviceIds,
      };
    });
  },

  'passes.coverage': async ({ clientId, serviceIds, date, staffId }, { db }) => {
    await assertClientExists(db, clientId);
    const unique = [...new Set(serviceIds)];
    const services = await servicePrices(db, unique);
    const priceOf = new Map(services.map((s) => [s.id, s.price_minor]));
    const missing = serviceIds.findIndex((id) => !priceOf.has(id));
    if (missing >= 0) throw new AppError('not_found', `serviceIds.${missing}`);
    const day = date ?? (await centreToday(db));
    const credits = (await creditsHeld(db, [clientId], day)).map((row) => ({ ...toCandidate(row), name: row.plan_name ?? row.name }));
    // Passes pay an appointment only on a schedule redeemable with passes (plans pay anywhere).
    const passesPay = await servicesPassesPay(db, unique, staffId);
    return coverageOf(
      serviceIds.map((serviceId) => ({ serviceId, priceMinor: priceOf.get(serviceId)! })),
      credits,
      day,
      (serviceId) => passesPay.has(serviceId),
    );
  },

  'creditPolicy.get': async (_input, { db }) => readCreditPolicy(db),

  'creditPolicy.update': async (changes, { tx, now, log }) => {
    const current = await readCreditPolicy(tx);
    const policy = {
      cancelWindowHours: changes.cancelWindowHours ?? current.cancelWindowHours,
      lateCancelForfeits: changes.lateCancelForfeits ?? current.lateCancelForfeits,
      noShowForfeits: changes.noShowForfeits ?? current.noShowForfeits,
    };
    await writeCreditPolicy(tx, policy, now);
    log({ entity: 'credit_policy', entityId: 'centre', changes });
    return policy;
  },
};
