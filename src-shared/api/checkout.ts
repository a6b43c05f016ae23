import { z } from 'zod';
import type { ClientPromotion, ClientStats, PromoCode, Sale, SaleTotals } from '../domain/checkout';
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
]);
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
        .array(z.strictObject({ method: z.enum(paymentMethods), amountMinor: moneyMinor }))
        .max(5),
      /** Sell to a blacklisted client anyway (their debt, a pass refund…): checkout flags them. */
      acceptBlacklisted: z.boolean().optional(),
    }),
    'Commit a sale: passes and plans issued, credits redeemed, promo redeemed, payments equal to the total, a numbered receipt',
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
    z.strictObject({ id, reason: text(300) }),
    'Void a sale with a reason: never deleted; its passes, credits and promo use are reversed',
    returns<Sale>(),
    managersOrApproved,
  ),
  'clients.stats': query(z.strictObject({ clientId: id }), "A client's average spend, future bookings and last visit", returns<ClientStats>(), everyone),
};
