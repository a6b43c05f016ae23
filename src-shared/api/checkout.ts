import { z } from 'zod';
import type { ClientPromotion, ClientStats, PromoCode, Sale, SaleTotals } from '../domain/checkout';
import type { Invoice } from '../domain/fiscal';
import type { PaymentMethod } from '../domain/passes';
import { paymentMethods } from '../domain/passes';
import { command, query, returns } from './define-call';
import { id, isoDate, optionalText, text } from './fields';
import { moneyMinor } from './passes';
import { everyone, frontDesk, managers, managersOrApproved } from './access';

const promoFields = {
  code: z
    .string()
    .trim()
    .min(3)
    .max(30)
    .regex(/^[\p{L}\p{N}_-]+$/u),
  description: optionalText(200),
  kind: z.enum(['percent', 'amount']),
  /** 1–100 for percent (checked in main), minor units for amount. */
  value: z.number().int().min(1).max(100_000_000),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  maxUses: z.number().int().min(1).max(1_000_000).nullable().optional(),
  maxUsesPerClient: z.number().int().min(1).max(1000).nullable().optional(),
  /** Empty or absent: every service. */
  serviceIds: z.array(id).max(100).optional(),
  active: z.boolean().optional(),
};

export const saleLineInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('service'),
    serviceId: id,
    quantity: z.number().int().min(1).max(100).optional(),
    /** The appointment or session booking this line charges (checkout from the agenda). */
    appointmentId: id.optional(),
    bookingId: id.optional(),
    /** Pay one unit with the client's plan or pass credit (when one covers it). Default true. */
    useCredit: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('pass'), passProductId: id }),
  z.strictObject({ kind: z.literal('plan'), planProductId: id }),
  z.strictObject({ kind: z.literal('product'), productId: id, quantity: z.number().int().min(1).max(100).optional() }),
]);

/** A built-in method or a custom one ("custom:" and its id); main checks it is offered. */
export const paymentMethodInput = z
  .string()
  .refine((s) => (paymentMethods as readonly string[]).includes(s) || /^custom:[0-9A-HJKMNP-TV-Z]{26}$/.test(s), 'invalid_choice')
  .transform((s) => s as PaymentMethod);

/** Who a full invoice is made out to: name and tax id required (main validates the id for the country). */
export const invoiceCustomerInput = z.strictObject({
  name: text(120),
  taxId: text(20),
  address: optionalText(200),
  postcode: optionalText(10),
  /** Mexico: the SAT's régimen fiscal (3 digits) and uso del CFDI (e.g. G03, S01). */
  taxRegime: z.string().trim().regex(/^\d{3}$/).optional(),
  cfdiUse: z.string().trim().regex(/^[A-Z]{1,2}\d{2}$/).optional(),
});
export type SaleLineInput = z.input<typeof saleLineInput>;

const saleDraft = {
  /** Absent: a walk-in sale of services only (passes and plans need a client). */
  clientId: id.optional(),
  lines: z.array(saleLineInput).min(1).max(50),
  promoCode: z.string().trim().min(1).max(30).optional(),
};

export const checkoutApi = {
  'promos.list': query(z.strictObject({ includeInactive: z.boolean().optional() }), 'Promo codes, with their uses', returns<PromoCode[]>(), everyone),
  'promos.create': command(z.strictObject(promoFields), 'Create a promo code (unique, case-insensitive)', returns<PromoCode>(), managers),
  'promos.update': command(z.strictObject({ id, ...z.strictObject(promoFields).partial().shape }), 'Change a promo code', returns<PromoCode>(), managers),
  'promos.attach': command(
    z.strictObject({ clientId: id, code: z.string().trim().min(1).max(30) }),
    'Attach a promotion to a client by its code ("Canjear promoción con código")',
    returns<ClientPromotion>(),
    frontDesk,
  ),
  'promos.ofClient': query(z.strictObject({ clientId: id }), "A client's active promotions", returns<ClientPromotion[]>(), everyone),
  'checkout.quote': query(
    z.strictObject(saleDraft),
    'Price a sale without writing: lines, plan and pass coverage, promo discount, total',
    returns<SaleTotals>(),
    everyone,
  ),
  'checkout.commit': command(
    z.strictObject({
      ...saleDraft,
      payments: z
        .array(z.strictObject({ method: paymentMethodInput, amountMinor: moneyMinor, reference: optionalText(60) }))
        .max(5),
      /** Cash handed over (at least the cash payments): the change is given back. */
      cashTenderedMinor: moneyMinor.optional(),
      /** A full invoice (factura completa) instead of a simplified one, made out to this customer. */
      invoiceTo: invoiceCustomerInput.optional(),
      /** Chile: the boleta's folio from the centre's provider. */
      boletaFolio: z.string().trim().regex(/^\d{1,12}$/).optional(),
      /** Sell to a blacklisted client anyway (their debt, a pass refund…): checkout flags them. */
      acceptBlacklisted: z.boolean().optional(),
    }),
    'Commit a sale: passes and plans issued, credits redeemed, promo redeemed, payments equal to the total, its invoice (simplified, or full) numbered and, in Spain, its VERI*FACTU record chained',
    returns<Sale>(),
    frontDesk,
  ),
  'sales.get': query(z.strictObject({ id }), 'One sale (the receipt)', returns<Sale>(), frontDesk),
  'sales.list': query(
    z.strictObject({ from: isoDate, to: isoDate, clientId: id.optional() }),
    'Sales between two local dates (at most 366 days), newest first',
    returns<Sale[]>(),
    frontDesk,
  ),
  'sales.void': command(
    z.strictObject({
      id,
      reason: text(300),
      /**
       * corrective (default): a corrective invoice (rectificativa) for the whole sale, referring to
       * the original. cancel: the invoice was issued in error and never handed over (Spain: a
       * VERI*FACTU cancellation record; the same local day only).
       */
      document: z.enum(['corrective', 'cancel']).optional(),
    }),
    'Void a sale with a reason: never deleted; a corrective invoice or a cancellation record is issued; its passes, credits and promo use are reversed',
    returns<Sale>(),
    managersOrApproved,
  ),
  'invoices.issueFull': command(
    z.strictObject({ saleId: id, customer: invoiceCustomerInput }),
    "A full invoice issued later for a sale's simplified one (Spain: F3, replacing it), made out to the customer",
    returns<Invoice>(),
    frontDesk,
  ),
  'clients.stats': query(z.strictObject({ clientId: id }), "A client's average spend, future bookings and last visit", returns<ClientStats>(), everyone),
};
