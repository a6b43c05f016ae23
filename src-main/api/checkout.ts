import type { WriteTx } from '../db/database';
import { loadCreditTarget, setLinkedCredit, spendCreditFor, usableFor } from '../db/queries/booking-credits';
import { assertClientExists } from '../db/queries/client-passes';
import { clientStats } from '../db/queries/client-stats';
import type { CreditContext } from '../db/queries/credits';
import { issuePass, issuePlan, redeemCredit, reverseSaleCredits } from '../db/queries/credits';
import {
  assertCodeFree,
  attachPromo,
  clientPromotions,
  insertPromo,
  insertRedemption,
  loadPromo,
  loadPromoForUse,
  loadPromoRow,
  promoAttachedAt,
  readPromos,
  updatePromo,
  voidRedemptions,
  writePromoServices,
} from '../db/queries/promos';
import { insertSale, linesChargedInMoney, listSales, loadSale, loadSaleRow, markSaleVoided, nextSaleNumber, saleLineDescriptions } from '../db/queries/sales';
import { assertAllExist } from '../db/queries/schedules';
import { centreToday, readCentreSettings } from '../db/queries/settings';
import { invoiceInForce, invoiceRowsOfSale, toInvoice } from '../db/queries/invoices';
import { readStaffName } from '../db/queries/staff';
import { tillSessionForSale } from '../db/queries/till-sessions';
import type { PromoCodesTable, SalesTable } from '../db/tables/checkout';
import { changeProblemOrAmount, paymentProblem } from '../engine/checkout/payments';
import { isPaymentMethodAllowed } from '../engine/checkout/payment-methods';
import { activeCustomPaymentMethodIds } from '../db/queries/payment-methods';
import { negated } from '../engine/fiscal/tax';
import type { InvoiceCustomer, TaxBreakdown } from '../../src-shared/domain/fiscal';
import type { InvoicesTable } from '../db/tables/fiscal';
import { clientUsesLeft, promoCodeKey, promoRefusal, promoTermsProblem } from '../engine/checkout/promo-rules';
import { newId } from '../engine/ids';
import { AppError } from '../errors/app-error';
import type { Draft } from './checkout-draft';
import { priceDraft } from './checkout-draft';
import { localRangeToInstants } from './agenda-range';
import type { Handlers } from './handler';
import { customerOf } from './invoice-customer';
import { cancelDocument, fiscalContext, issueDocument } from './invoice-issue';

type CheckoutHandlers = Pick<
  Handlers,
  | 'promos.list'
  | 'promos.create'
  | 'promos.update'
  | 'promos.attach'
  | 'promos.ofClient'
  | 'checkout.quote'
  | 'checkout.commit'
  | 'sales.get'
  | 'sales.list'
  | 'sales.void'
  | 'invoices.issueFull'
  | 'clients.stats'
>;

/** sales.list spans at most this many local days (inclusive). */
const maxSaleListDays = 366;

function checkPromoTerms(terms: Pick<PromoCodesTable, 'kind' | 'value' | 'valid_from' | 'valid_to'>): void {
  const problem = promoTermsProblem({ kind: terms.kind, value: terms.value, validFrom: terms.valid_from, validTo: terms.valid_to });
  if (problem) throw new AppError(problem.code, problem.field);
}

/** Each payment by a method the centre offers: its country's built-in ones, or its own still active. */
async function checkPaymentMethods(tx: WriteTx, country: string, payments: readonly { method: string }[]): Promise<void> {
  const customIds = payments.some((p) => p.method.startsWith('custom:')) ? await activeCustomPaymentMethodIds(tx) : new Set<string>();
  const refused = payments.flatMap((p, index) => (isPaymentMethodAllowed(country, p.method, customIds) ? [] : [new AppError('payment_method_not_offered', `payments.${index}.method`)]));
  const problem = AppError.combine(refused);
  if (problem) throw problem;
}

/** A document's customer as its columns hold it (a corrective one is made out to the same). */
function customerColumns(row: InvoicesTable): InvoiceCustomer {
  return {
    name: row.customer_name!,
    taxId: row.customer_tax_id!,
    address: row.customer_address,
    postcode: row.customer_postcode,
    taxRegime: row.customer_tax_regime,
    cfdiUse: row.customer_cfdi_use,
  };
}

/** Voiding a sale: what it charged in money for a booking a credit could pay is owed again (pending). */
async function reopenChargedInMoney(tx: WriteTx, saleId: string, now: string): Promise<void> {
  const lines = await linesChargedInMoney(tx, saleId);
  for (const line of lines) {
    const ref = line.booking_id ? { kind: 'booking' as const, id: line.booking_id } : { kind: 'appointment' as const, id: line.appointment_id! };
    const target = await loadCreditTarget(tx, ref, 'id');
    if (target.creditState !== 'none' || !['booked', 'attended'].includes(target.status)) continue;
    // As when it was booked: owed if passes pay it, or a plan of the client would.
    if (target.passesAllowed || (await usableFor(tx, target))?.kind === 'plan') {
      await setLinkedCredit(tx, { bookingId: line.booking_id, appointmentId: line.appointment_id }, 'none', 'pending', now);
    }
  }
}

/** Issues the passes and plans sold, spends the credits the lines use and marks their bookings paid by them. */
async function applyCredits(tx: WriteTx, draft: Draft, saleId: string, context: CreditContext): Promise<void> {
  for (const { line, spendPassId, issue } of draft.planned) {
    if (issue) {
      const input = { clientId: draft.client!.id, saleId, localToday: draft.today };
      if (issue.kind === 'pass') await issuePass(tx, { ...input, passProductId: issue.productId }, context);
      else await issuePlan(tx, { ...input, planProductId: issue.productId }, context);
    }
    if (spendPassId === null) {
      // Charged in money: the booking or appointment no longer waits for a credit.
      if (line.coveredBy === null) await setLinkedCredit(tx, line, 'pending', 'none', context.now);
      continue;
    }
    const ref = line.bookingId ? { kind: 'booking' as const, id: line.bookingId } : line.appointmentId ? { kind: 'appointment' as const, id: line.appointmentId } : null;
    if (ref) await spendCreditFor(tx, ref, spendPassId, context, saleId);
    else await redeemCredit(tx, { passId: spendPassId, saleId }, context);
  }
}

export const checkoutHandlers: CheckoutHandlers = {
  'promos.list': async ({ includeInactive }, { db }) => readPromos(db, { includeInactive: includeInactive ?? false }),

  'promos.create': async (input, { tx, now, log }) => {
    const codeKey = promoCodeKey(input.code);
    await assertCodeFree(tx, codeKey);
    const row: PromoCodesTable = {
      id: newId(),
      code: input.code,
      code_key: codeKey,
      description: input.description ?? null,
      kind: input.kind,
      value: input.value,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
      max_uses: input.maxUses ?? null,
      max_uses_per_client: input.maxUsesPerClient ?? null,
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    };
    checkPromoTerms(row);
    const serviceIds = input.serviceIds ?? [];
    await assertAllExist(tx, 'services', serviceIds, 'serviceIds');
    await insertPromo(tx, row);
    await writePromoServices(tx, row.id, serviceIds);
    log({ entity: 'promo_code', entityId: row.id, changes: { ...input } });
    return loadPromo(tx, row.id);
  },

  'promos.update': async (input, { tx, now, log }) => {
    const { id, serviceIds, ...fields } = input;
    const current = await loadPromoRow(tx, id);
    const codeKey = fields.code === undefined ? current.code_key : promoCodeKey(fields.code);
    if (fields.code !== undefined) await assertCodeFree(tx, codeKey, id);
    const next: PromoCodesTable = {
      ...current,
      code: fields.code ?? current.code,
      code_key: codeKey,
      description: fields.description === undefined ? current.description : fields.description,
      kind: fields.kind ?? current.kind,
      value: fields.value ?? current.value,
      valid_from: fields.validFrom === undefined ? current.valid_from : fields.validFrom,
      valid_to: fields.validTo === undefined ? current.valid_to : fields.validTo,
      max_uses: fields.maxUses === undefined ? current.max_uses : fields.maxUses,
      max_uses_per_client: fields.maxUsesPerClient === undefined ? current.max_uses_per_client : fields.maxUsesPerClient,
      active: fields.active === undefined ? current.active : fields.active ? 1 : 0,
      updated_at: now,
    };
    checkPromoTerms(next);
    if (serviceIds !== undefined) await assertAllExist(tx, 'services', serviceIds, 'serviceIds');
    await updatePromo(tx, id, next);
    if (serviceIds !== undefined) await writePromoServices(tx, id, serviceIds);
    log({ entity: 'promo_code', entityId: id, changes: { ...fields, ...(serviceIds !== undefined ? { serviceIds } : {}) } });
    return loadPromo(tx, id);
  },

  'promos.attach': async ({ clientId, code }, { tx, now, log }) => {
    await assertClientExists(tx, clientId);
    const { row, state } = await loadPromoForUse(tx, code, clientId, 'code');
    const refusal = promoRefusal(state, await centreToday(tx, new Date(now)), true);
    if (refusal) throw new AppError(refusal, 'code');
    const attached = await attachPromo(tx, clientId, row.id, now);
    const attachedAt = await promoAttachedAt(tx, clientId, row.id);
    log({ entity: 'client_promotion', entityId: row.id, subjectClientId: clientId, changes: { clientId, promoId: row.id, code: row.code, alreadyAttached: !attached } });
    return { promo: await loadPromo(tx, row.id), attachedAt, usesLeft: clientUsesLeft(row.max_uses_per_client, state.clientUses) };
  },

  'promos.ofClient': async ({ clientId }, { db }) => {
    await assertClientExists(db, clientId);
    return clientPromotions(db, clientId, await centreToday(db));
  },

  'checkout.quote': async (input, { db }) => (await priceDraft(db, input, new Date().toISOString())).totals,

  'checkout.commit': async (input, { tx, now, log, caller }) => {
    const draft = await priceDraft(tx, input, now);
    if (draft.client?.blacklisted && input.acceptBlacklisted !== true) throw new AppError('client_blacklisted', 'clientId');
    const problem = paymentProblem(draft.totals.totalMinor, input.payments);
    if (problem) throw new AppError(problem.code, problem.field);
    const fiscal = await fiscalContext(tx, now);
    await checkPaymentMethods(tx, fiscal.country, input.payments);
    const change = changeProblemOrAmount(input.payments, input.cashTenderedMinor);
    if (typeof change !== 'number') throw new AppError(change.code, change.field);
    const customer = input.invoiceTo ? customerOf(input.invoiceTo, fiscal.country, 'invoiceTo') : null;

    const staffId = caller.staffId;
    const { totals } = draft;
    const tillSessionId = await tillSessionForSale(tx, { deskId: fiscal.desk.id, today: fiscal.today, now, staffId });
    // Read inside this IMMEDIATE transaction: no other desk can take the same number.
    const { series, number } = await nextSaleNumber(tx);
    const sale: SalesTable = {
      id: newId(),
      series,
      number,
      client_id: totals.clientId,
      status: 'paid',
      currency: totals.currency,
      subtotal_minor: totals.subtotalMinor,
      coverage_discount_minor: totals.coverageDiscountMinor,
      promo_discount_minor: totals.promoDiscountMinor,
      total_minor: totals.totalMinor,
      promo_code_id: draft.promoId,
      staff_id: staffId,
      void_reason: null,
      voided_at: null,
      created_at: now,
      updated_at: now,
      till_session_id: tillSessionId,
      cash_tendered_minor: input.cashTenderedMinor ?? null,
      change_minor: change,
      boleta_folio: input.boletaFolio ?? null,
      void_till_session_id: null,
    };
    await insertSale(
      tx,
      sale,
      totals.lines.map((line, position) => ({
        id: line.id,
        sale_id: sale.id,
        position,
        kind: line.kind,
        item_id: line.itemId,
        description: line.description,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
        covered_by: line.coveredBy,
        client_pass_id: line.clientPassId,
        coverage_discount_minor: line.coverageDiscountMinor,
        promo_discount_minor: line.promoDiscountMinor,
        total_minor: line.totalMinor,
        booking_id: line.bookingId,
        appointment_id: line.appointmentId,
        tax_rate_bp: line.taxRateBp,
        tax_minor: line.taxMinor,
      })),
      input.payments.map((payment) => ({ id: newId(), sale_id: sale.id, method: payment.method, amount_minor: payment.amountMinor, reference: payment.reference ?? null })),
    );
    // A sale with nothing to pay (credits covered it) is no operation to invoice: its pass was invoiced when sold.
    const issued =
      fiscal.issuer === null || (totals.totalMinor === 0 && customer === null)
        ? null
        : await issueDocument(
            tx,
            fiscal,
            {
              saleId: sale.id,
              kind: customer ? 'full' : 'simplified',
              type: customer ? 'F1' : 'F2',
              clientId: totals.clientId,
              customer,
              corrects: null,
              replaces: null,
              reason: null,
              taxes: totals.taxes,
              totalMinor: totals.totalMinor,
              lineDescriptions: totals.lines.map((l) => l.description),
              staffId,
              tillSessionId,
            },
            now,
          );
    await applyCredits(tx, draft, sale.id, { now, staffId });
    // The promo's limits were counted in this same IMMEDIATE transaction: concurrent sales cannot pass them.
    if (draft.promoId !== null) await insertRedemption(tx, { promoId: draft.promoId, clientId: totals.clientId, saleId: sale.id, discountMinor: totals.promoDiscountMinor }, now);
    log({
      entity: 'sale',
      entityId: sale.id,
      subjectClientId: totals.clientId,
      changes: {
        series,
        number,
        clientId: totals.clientId,
        lines: totals.lines.map((l) => ({ kind: l.kind, itemId: l.itemId, quantity: l.quantity, coveredBy: l.coveredBy, totalMinor: l.totalMinor })),
        promoCode: totals.promoCode,
        totalMinor: totals.totalMinor,
        payments: input.payments,
        ...(change > 0 ? { changeMinor: change } : {}),
        ...(issued ? { invoice: issued.row.full_number } : {}),
        ...(draft.client?.blacklisted ? { acceptedBlacklisted: true } : {}),
      },
    });
    // The receipt as written, without reading it back.
    return {
      ...totals,
      id: sale.id,
      series,
      number,
      status: 'paid',
      payments: input.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor, reference: p.reference ?? null })),
      voidReason: null,
      voidedAt: null,
      staffName: staffId === null ? null : await readStaffName(tx, staffId),
      createdAt: now,
      invoices: issued ? [toInvoice(issued.row, issued.record ? [issued.record] : [], new Map())] : [],
      tillSessionId,
      cashTenderedMinor: sale.cash_tendered_minor,
      changeMinor: change,
      boletaFolio: sale.boleta_folio,
    };
  },

  'sales.get': async ({ id }, { db }) => loadSale(db, id),

  'sales.list': async ({ from, to, clientId }, { db }) => {
    const { timeZone } = await readCentreSettings(db);
    const { fromIso, toIso } = localRangeToInstants(from, to, timeZone, maxSaleListDays);
    if (clientId !== undefined) await assertClientExists(db, clientId);
    return listSales(db, { fromIso, toIso, ...(clientId !== undefined ? { clientId } : {}) });
  },

  'sales.void': async ({ id, reason, document }, { tx, now, log, caller }) => {
    const sale = await loadSaleRow(tx, id);
    if (sale.status === 'voided') throw new AppError('sale_voided', 'id');
    const documents = await invoiceRowsOfSale(tx, id);
    const inForce = invoiceInForce(documents);
    // A sale from before documents were issued has none to correct.
    const fiscal = await fiscalContext(tx, now, { requireIssuer: inForce !== null });
    const tillSessionId = await tillSessionForSale(tx, { deskId: fiscal.desk.id, today: fiscal.today, now, staffId: caller.staffId });
    let corrective: string | null = null;
    if (inForce && document === 'cancel') {
      // Issued in error and never handed over: cancelled the same day, not corrected.
      if (inForce.issue_date !== fiscal.today) throw new AppError('cancel_not_same_day', 'document');
      // A ticket replaced by a full invoice was handed over: only a corrective one undoes it.
      if (documents.length > 1) throw new AppError('cancel_not_possible', 'document');
      await cancelDocument(tx, fiscal, inForce, now);
    } else if (inForce) {
      const issued = await issueDocument(
        tx,
        fiscal,
        {
          saleId: id,
          kind: 'corrective',
          // Spain: R5 corrects a simplified invoice, R1 a full one (art. 80 LIVA: the operation undone).
          type: inForce.kind === 'simplified' ? 'R5' : 'R1',
          clientId: sale.client_id,
          customer: inForce.customer_name !== null && inForce.customer_tax_id !== null ? customerColumns(inForce) : null,
          corrects: inForce,
          replaces: null,
          reason,
          taxes: negated(JSON.parse(inForce.taxes) as TaxBreakdown[]),
          totalMinor: -inForce.total_minor,
          lineDescriptions: [],
          staffId: caller.staffId,
          tillSessionId,
        },
        now,
      );
      corrective = issued.row.full_number;
    }
    // Credits it spent come back (their bookings lack their credit again), passes it sold are emptied.
    await reverseSaleCredits(tx, id, reason, { now, staffId: caller.staffId });
    await reopenChargedInMoney(tx, id, now);
    await voidRedemptions(tx, id);
    await markSaleVoided(tx, id, { reason, tillSessionId }, now);
    log({
      entity: 'sale',
      entityId: id,
      subjectClientId: sale.client_id,
      changes: { status: 'voided', series: sale.series, number: sale.number, reason, ...(corrective ? { corrective } : {}), ...(inForce && document === 'cancel' ? { cancelled: inForce.full_number } : {}) },
    });
    return loadSale(tx, id);
  },

  'invoices.issueFull': async ({ saleId, customer }, { tx, now, log, caller }) => {
    const sale = await loadSaleRow(tx, saleId, 'saleId');
    if (sale.status === 'voided') throw new AppError('sale_voided', 'saleId');
    const fiscal = await fiscalContext(tx, now);
    const rows = await invoiceRowsOfSale(tx, saleId);
    const inForce = invoiceInForce(rows);
    if (!inForce) throw new AppError('sale_has_no_invoice', 'saleId');
    if (inForce.kind === 'full') throw new AppError('invoice_already_full', 'saleId');
    const made = await issueDocument(
      tx,
      fiscal,
      {
        saleId,
        kind: 'full',
        // F3: a full invoice replacing a simplified one; it moves no money (no till session).
        type: 'F3',
        clientId: sale.client_id,
        customer: customerOf(customer, fiscal.country, 'customer'),
        corrects: null,
        replaces: inForce,
        reason: null,
        taxes: JSON.parse(inForce.taxes) as TaxBreakdown[],
        totalMinor: inForce.total_minor,
        lineDescriptions: await saleLineDescriptions(tx, saleId),
        staffId: caller.staffId,
        tillSessionId: null,
      },
      now,
    );
    log({ entity: 'sale', entityId: saleId, subjectClientId: sale.client_id, changes: { fullInvoice: made.row.full_number, replaces: inForce.full_number, customerTaxId: made.row.customer_tax_id } });
    return toInvoice(made.row, made.record ? [made.record] : [], new Map([[inForce.id, inForce.full_number]]));
  },

  'clients.stats': async ({ clientId }, { db }) => {
    await assertClientExists(db, clientId);
    return clientStats(db, clientId, new Date().toISOString());
  },
};
