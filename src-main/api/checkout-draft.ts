import type { SaleLine, SaleLineKind, SaleTotals } from '../../src-shared/domain/checkout';
import type { ReadDb } from '../db/database';
import type { CreditTarget, CreditTargetRef } from '../db/queries/booking-credits';
import { creditChoiceFor, loadCreditTarget } from '../db/queries/booking-credits';
import { serviceNamesAndPrices } from '../db/queries/catalogue';
import { creditsHeld, passKindOf, toCandidate } from '../db/queries/client-passes';
import { loadClientBrief } from '../db/queries/clients';
import { passProductForSale } from '../db/queries/pass-products';
import { planProductForSale } from '../db/queries/plan-products';
import { productForSale } from '../db/queries/products';
import { chooseCredit } from '../engine/passes/choose-credit';
import { loadPromoForUse } from '../db/queries/promos';
import { readCentreSettings } from '../db/queries/settings';
import type { ClientPassesTable } from '../db/tables/checkout';
import type { LineToPrice } from '../engine/checkout/pricing';
import { priceSale } from '../engine/checkout/pricing';
import { decidePromo } from '../engine/checkout/promo-rules';
import { breakdown, taxInside } from '../engine/fiscal/tax';
import { newId } from '../engine/ids';
import { localDate } from '../engine/time/local-date';
import { AppError } from '../errors/app-error';

/** A checkout line as the contract parsed it. */
export type DraftLine =
  | { kind: 'service'; serviceId: string; quantity?: number | undefined; appointmentId?: string | undefined; bookingId?: string | undefined; useCredit?: boolean | undefined }
  | { kind: 'pass'; passProductId: string }
  | { kind: 'plan'; planProductId: string }
  | { kind: 'product'; productId: string; quantity?: number | undefined };

export interface DraftInput {
  clientId?: string | undefined;
  lines: readonly DraftLine[];
  promoCode?: string | undefined;
}

/** What committing a line does beyond storing it. */
export interface PlannedLine {
  line: SaleLine;
  /** The credit this sale spends for the line (null: none, or the linked booking's own already paid it). */
  spendPassId: string | null;
  /** A pass or plan product sold: the client's pass(es) to issue. */
  issue: { kind: 'pass' | 'plan'; productId: string } | null;
}

export interface Draft {
  totals: SaleTotals;
  planned: PlannedLine[];
  client: { id: string; blacklisted: boolean } | null;
  promoId: string | null;
  /** The centre's local date of the sale. */
  today: string;
}

/** The booking or appointment a service line charges, as the credit rules see it. */
type Link = CreditTarget;

/** What a credit may pay for a line; `only` narrows the kind. */
type CreditChoice = NonNullable<ReturnType<typeof creditChoiceFor>>;

/** Before pricing: each line's item, price and credit. */
interface ResolvedLine {
  kind: SaleLineKind;
  itemId: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  vatRateBp: number;
  credit: { pass: Pick<ClientPassesTable, 'id' | 'kind'>; spend: boolean } | null;
  link: Link | null;
  issue: PlannedLine['issue'];
}

/**
 * What may pay a line's unit: for a booking or appointment, what would pay it (a session's type on a
 * redeemable session; an appointment's service, by a plan always, by a pass on a redeemable
 * schedule); for a line of its own, any credit covering the service.
 */
function creditChoiceOf(link: Link | null, serviceId: string): CreditChoice | null {
  return link ? creditChoiceFor(link) : { use: { serviceId } };
}

/**
 * A booking or appointment the sale may pay with a credit now: held (booked, or attended) and
 * still lacking its credit. Nothing is spent for one waiting, cancelled or missed, nor again for
 * one whose credit was refunded or forfeited.
 */
function mayPayNow(link: Link): boolean {
  return (link.status === 'booked' || link.status === 'attended') && (link.creditState === 'none' || link.creditState === 'pending');
}

/**
 * The credit that pays `choice` on `date` (the rules' choice, chooseCredit), given what earlier lines
 * of the same sale spend (`spent`, per pass): each of the client's credits counts with what the sale
 * leaves of it.
 */
async function pickCredit(db: ReadDb, clientId: string, choice: CreditChoice, date: string, spent: ReadonlyMap<string, number>) {
  const held = (await creditsHeld(db, [clientId], date)).map((row) => ({ ...toCandidate(row), balance: row.balance - (spent.get(row.id) ?? 0) }));
  return chooseCredit(held, choice.use, date, choice.only)?.row ?? null;
}

async function loadClientOf(db: ReadDb, clientId: string | undefined) {
  if (clientId === undefined) return null;
  return loadClientBrief(db, clientId, 'clientId');
}

/** A retail product: sold to anyone, no credit pays it, no promo applies (promos are per service). */
async function resolveRetail(db: ReadDb, line: Extract<DraftLine, { kind: 'product' }>, index: number): Promise<ResolvedLine> {
  const field = `lines.${index}.productId`;
  const product = await productForSale(db, line.productId);
  if (!product) throw new AppError('not_found', field);
  if (product.active !== 1) throw new AppError('invalid_choice', field);
  return {
    kind: 'product',
    itemId: product.id,
    description: product.name,
    quantity: line.quantity ?? 1,
    unitPriceMinor: product.price_minor,
    vatRateBp: product.vat_rate_bp,
    credit: null,
    link: null,
    issue: null,
  };
}

async function resolveProduct(db: ReadDb, line: Extract<DraftLine, { kind: 'pass' | 'plan' }>, index: number, hasClient: boolean, today: string): Promise<ResolvedLine> {
  const field = line.kind === 'pass' ? `lines.${index}.passProductId` : `lines.${index}.planProductId`;
  const product = line.kind === 'pass' ? await passProductForSale(db, line.passProductId) : await planProductForSale(db, line.planProductId);
  if (!product) throw new AppError('not_found', field);
  if (product.active !== 1) throw new AppError('invalid_choice', field);
  // A pass with a fixed end date already past cannot be sold.
  if (product.valid_until !== null && product.valid_until < today) throw new AppError('pass_expired', field);
  if (!hasClient) throw new AppError('client_required', 'clientId');
  return {
    kind: line.kind,
    itemId: product.id,
    description: product.name,
    quantity: 1,
    unitPriceMinor: product.price_minor,
    vatRateBp: product.vat_rate_bp,
    credit: null,
    link: null,
    issue: { kind: line.kind, productId: product.id },
  };
}

/**
 * Prices a sale from the database without writing: the items and their prices, which credit pays
 * each service line (one unit), the promo and the totals. checkout.quote answers it; checkout.commit
 * writes exactly it, in its transaction.
 */
export async function priceDraft(db: ReadDb, input: DraftInput, now: string): Promise<Draft> {
  const settings = await readCentreSettings(db);
  const today = localDate(new Date(now), settings.timeZone);
  const client = await loadClientOf(db, input.clientId);

  const serviceIds = [...new Set(input.lines.flatMap((l) => (l.kind === 'service' ? [l.serviceId] : [])))];
  const services = new Map((await serviceNamesAndPrices(db, serviceIds)).map((s) => [s.id, s]));

  const resolved: ResolvedLine[] = [];
  const spent = new Map<string, number>();
  const linked = new Set<string>();
  for (const [index, line] of input.lines.entries()) {
    if (line.kind === 'product') {
      resolved.push(await resolveRetail(db, line, index));
      continue;
    }
    if (line.kind !== 'service') {
      resolved.push(await resolveProduct(db, line, index, client !== null, today));
      continue;
    }
    const service = services.get(line.serviceId);
    if (!service) throw new AppError('not_found', `lines.${index}.serviceId`);
    const link = await resolveLink(db, line, index, client?.id ?? null, linked);
    let credit: ResolvedLine['credit'] = null;
    if (link?.creditState === 'redeemed' && link.clientPassId !== null) {
      // Its booking already spent a credit: the line is covered by it and nothing more is spent.
      const pass = await passKindOf(db, link.clientPassId);
      if (pass) credit = { pass, spend: false };
    } else if (client !== null && line.useCredit !== false && (link === null || mayPayNow(link))) {
      const choice = creditChoiceOf(link, line.serviceId);
      const pass = choice && (await pickCredit(db, client.id, choice, link?.localDate ?? today, spent));
      if (pass) {
        spent.set(pass.id, (spent.get(pass.id) ?? 0) + 1);
        credit = { pass, spend: true };
      }
    }
    resolved.push({
      kind: 'service',
      itemId: service.id,
      description: service.name,
      quantity: line.quantity ?? 1,
      unitPriceMinor: service.price_minor,
      vatRateBp: service.vat_rate_bp,
      credit,
      link,
      issue: null,
    });
  }

  const promo = input.promoCode === undefined ? null : await resolvePromo(db, input.promoCode, client?.id ?? null, today, resolved);
  const priced = priceSale(
    resolved.map((line, index): LineToPrice => ({
      unitPriceMinor: line.unitPriceMinor,
      quantity: line.quantity,
      covered: line.credit !== null,
      promoApplies: promo?.applies[index] ?? false,
    })),
    promo ? { kind: promo.row.kind, value: promo.row.value } : null,
  );

  const planned = resolved.map((line, index): PlannedLine => {
    const price = priced.lines[index]!;
    // The VAT inside what the line costs after coverage and promo, rounded per line.
    const { taxMinor } = taxInside(price.totalMinor, line.vatRateBp);
    return {
      line: {
        id: newId(),
        kind: line.kind,
        itemId: line.itemId,
        description: line.description,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        coveredBy: line.credit?.pass.kind ?? null,
        clientPassId: line.credit?.pass.id ?? null,
        coverageDiscountMinor: price.coverageDiscountMinor,
        promoDiscountMinor: price.promoDiscountMinor,
        totalMinor: price.totalMinor,
        bookingId: line.link?.kind === 'booking' ? line.link.id : null,
        appointmentId: line.link?.kind === 'appointment' ? line.link.id : null,
        taxRateBp: line.vatRateBp,
        taxMinor,
      },
      spendPassId: line.credit?.spend ? line.credit.pass.id : null,
      issue: line.issue,
    };
  });

  return {
    totals: {
      clientId: client?.id ?? null,
      clientName: client?.name ?? null,
      clientBlacklisted: client?.blacklisted ?? false,
      lines: planned.map((p) => p.line),
      subtotalMinor: priced.subtotalMinor,
      coverageDiscountMinor: priced.coverageDiscountMinor,
      promoDiscountMinor: priced.promoDiscountMinor,
      totalMinor: priced.totalMinor,
      promoCode: promo?.row.code ?? null,
      currency: settings.currency,
      taxes: breakdown(planned.map((p) => ({ rateBp: p.line.taxRateBp ?? 0, totalMinor: p.line.totalMinor, taxMinor: p.line.taxMinor }))),
    },
    planned,
    client: client ? { id: client.id, blacklisted: client.blacklisted } : null,
    promoId: promo?.row.id ?? null,
    today,
  };
}

/** The booking or appointment a service line charges: the sale's client's, for the same service, once per sale. */
async function resolveLink(db: ReadDb, line: Extract<DraftLine, { kind: 'service' }>, index: number, clientId: string | null, linked: Set<string>): Promise<Link | null> {
  if (line.appointmentId !== undefined && line.bookingId !== undefined) throw new AppError('invalid_input', `lines.${index}.bookingId`);
  const ref: CreditTargetRef | null =
    line.appointmentId !== undefined ? { kind: 'appointment', id: line.appointmentId } : line.bookingId !== undefined ? { kind: 'booking', id: line.bookingId } : null;
  if (!ref) return null;
  const field = `lines.${index}.${ref.kind}Id`;
  const link = await loadCreditTarget(db, ref, field);
  if (clientId === null) throw new AppError('client_required', 'clientId');
  if (link.clientId !== clientId || linked.has(link.id)) throw new AppError('invalid_input', field);
  if (ref.kind === 'appointment' && link.use !== null && 'serviceId' in link.use && link.use.serviceId !== line.serviceId) {
    throw new AppError('invalid_input', `lines.${index}.serviceId`);
  }
  linked.add(link.id);
  return link;
}

/** The promo code typed at checkout: known, usable by this client now, applying to some service line. */
async function resolvePromo(db: ReadDb, code: string, clientId: string | null, today: string, lines: readonly ResolvedLine[]) {
  const { row, state } = await loadPromoForUse(db, code, clientId, 'promoCode');
  const decision = decidePromo(state, { today, hasClient: clientId !== null, lineServiceIds: lines.map((l) => (l.kind === 'service' ? l.itemId : null)) });
  if (!decision.ok) throw new AppError(decision.code, 'promoCode');
  return { row, applies: decision.applies };
}
