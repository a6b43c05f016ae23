/** How a sale is paid: the built-in methods (the centre's country decides which are offered first). */
export const paymentMethods = ['cash', 'card', 'bizum', 'transfer', 'mercado_pago', 'voucher', 'other'] as const;
export type BuiltInPaymentMethod = (typeof paymentMethods)[number];
/** A built-in method, or one the centre added ("custom:" and the payment_methods row's id). */
export type PaymentMethod = BuiltInPaymentMethod | `custom:${string}`;

/** How long a sold pass lasts: a number of days from the sale, or up to a fixed date. */
export type PassValidity = { kind: 'days'; days: number } | { kind: 'until'; date: string };

/** A pass (bono) the centre sells: N credits for some session types and services. */
export interface PassProduct {
  id: string;
  name: string;
  credits: number;
  sessionTypeIds: string[];
  serviceIds: string[];
  validity: PassValidity;
  /** Minor units of the centre's currency. */
  priceMinor: number;
  /** VAT in basis points (2100 = 21 %), included in the price. */
  vatRateBp: number;
  active: boolean;
}

/** A plan (seed 002): a bundle of services with quantities, a price and a validity period. */
export interface PlanProduct {
  id: string;
  name: string;
  items: { serviceId: string; serviceName: string; quantity: number }[];
  validityDays: number;
  priceMinor: number;
  /** VAT in basis points, included in the price. */
  vatRateBp: number;
  active: boolean;
}

/**
 * What a client holds: a sold pass, or one service of a sold plan (a plan is sold as one credit
 * line per service, grouped by `planSaleId`). The balance is always the sum of its ledger rows.
 */
export interface ClientPass {
  id: string;
  clientId: string;
  kind: 'pass' | 'plan';
  name: string;
  /** The plan's name and group, for a plan's service line. */
  planName: string | null;
  planGroupId: string | null;
  creditsTotal: number;
  balance: number;
  validFrom: string;
  /** Local date, inclusive. */
  validUntil: string;
  expired: boolean;
  sessionTypeIds: string[];
  serviceIds: string[];
  saleId: string | null;
  createdAt: string;
}

export const ledgerKinds = ['sale', 'redemption', 'refund', 'expiry', 'adjustment'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** One credit movement of a client's pass. */
export interface LedgerEntry {
  id: string;
  passId: string;
  kind: LedgerKind;
  /** +N on a sale, −1 on a redemption, +1 on a refund, −balance on expiry, ± on an adjustment. */
  delta: number;
  bookingId: string | null;
  appointmentId: string | null;
  saleId: string | null;
  reason: string | null;
  staffName: string | null;
  createdAt: string;
}

/**
 * What a booking or appointment did with a credit: none needed, pending (staff booked it and the
 * desk must redeem by hand), redeemed, refunded (cancelled in time) or forfeited (late / no-show).
 */
export const creditStates = ['none', 'pending', 'redeemed', 'refunded', 'forfeited'] as const;
export type CreditState = (typeof creditStates)[number];

/** A booking or appointment still lacking its credit: the desk redeems it by hand. */
export interface PendingCredit {
  kind: 'booking' | 'appointment';
  id: string;
  clientId: string;
  clientName: string;
  what: string;
  startsAt: string;
  /** The client's passes that could pay it now. */
  usablePassIds: string[];
}

/** Which of the chosen services a client's plans and passes cover (seed 002's three cases). */
export interface Coverage {
  case: 'all' | 'some' | 'none';
  covered: { serviceId: string; passId: string; name: string }[];
  uncovered: { serviceId: string; priceMinor: number }[];
  leftToPayMinor: number;
}

/** Bought but not booked yet ("por reservar", seed 004): what remains of a valid pass or plan line. */
export interface ToSchedule {
  passId: string;
  kind: 'pass' | 'plan';
  name: string;
  remaining: number;
  validUntil: string;
  sessionTypeIds: string[];
  serviceIds: string[];
}

/** The centre's rule for credits when a booking is cancelled late or missed. */
export interface CreditPolicy {
  /** A cancellation at least this many hours before the start gives the credit back. */
  cancelWindowHours: number;
  lateCancelForfeits: boolean;
  noShowForfeits: boolean;
}
