import type { Invoice, TaxBreakdown } from './fiscal';
import type { PaymentMethod } from './passes';

export type PromoKind = 'percent' | 'amount';

export interface PromoCode {
  id: string;
  /** As typed; matched case-insensitively. */
  code: string;
  description: string | null;
  kind: PromoKind;
  /** 1–100 for percent; minor units for amount. */
  value: number;
  validFrom: string | null;
  validTo: string | null;
  maxUses: number | null;
  maxUsesPerClient: number | null;
  /** Empty: every service. */
  serviceIds: string[];
  active: boolean;
  /** Redemptions on sales not voided. */
  uses: number;
}

/** A promotion attached to a client from the card, still usable by them. */
export interface ClientPromotion {
  promo: PromoCode;
  attachedAt: string;
  /** null: no per-client limit. */
  usesLeft: number | null;
}

export type SaleLineKind = 'service' | 'pass' | 'plan' | 'product';

export interface SaleLine {
  id: string;
  kind: SaleLineKind;
  /** The service, pass product, plan product or retail product sold. */
  itemId: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  /** A plan or pass credit paid for this line (one unit). */
  coveredBy: 'pass' | 'plan' | null;
  clientPassId: string | null;
  coverageDiscountMinor: number;
  promoDiscountMinor: number;
  totalMinor: number;
  bookingId: string | null;
  appointmentId: string | null;
  /** VAT in basis points (2100 = 21 %); null: sold before taxes were recorded. */
  taxRateBp: number | null;
  /** The VAT inside totalMinor (prices are tax-included), rounded per line. */
  taxMinor: number;
}

export interface SalePayment {
  method: PaymentMethod;
  amountMinor: number;
  /** The card terminal's voucher, a transfer's or app's operation number. */
  reference: string | null;
}

/** A sale as checkout shows it before committing (quote) and after (with id and number). */
export interface SaleTotals {
  clientId: string | null;
  clientName: string | null;
  /** Checkout flags a blacklisted client plainly. */
  clientBlacklisted: boolean;
  lines: SaleLine[];
  subtotalMinor: number;
  coverageDiscountMinor: number;
  promoDiscountMinor: number;
  totalMinor: number;
  promoCode: string | null;
  currency: string;
  /** Base and tax per VAT rate of the lines (what the receipt's breakdown shows). */
  taxes: TaxBreakdown[];
}

export interface Sale extends SaleTotals {
  id: string;
  /** The desk's receipt series (each desk numbers its own, so desks selling offline never collide). */
  series: string;
  /** Receipt number within the series, gap-free from 1. */
  number: number;
  status: 'paid' | 'voided';
  payments: SalePayment[];
  voidReason: string | null;
  voidedAt: string | null;
  staffName: string | null;
  createdAt: string;
  /** Every document of the sale, oldest first: its simplified or full invoice, a replacing full one, a corrective one. */
  invoices: Invoice[];
  /** The till session (a desk's day) it was taken in. */
  tillSessionId: string | null;
  /** Cash handed over, when more than the cash amount, and the change given back. */
  cashTenderedMinor: number | null;
  changeMinor: number;
  /** Chile: the boleta's folio. */
  boletaFolio: string | null;
}

/** The client card header's habits, from real sales and bookings. */
export interface ClientStats {
  /** Mean total of the client's sales not voided; null without any. */
  averageSpendMinor: number | null;
  salesCount: number;
  /** Session bookings and appointments still to come. */
  futureBookings: number;
  /** The start of the last booking or appointment attended (or past and not cancelled). */
  lastVisit: string | null;
}
