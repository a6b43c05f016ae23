import type { Generated } from 'kysely';
import type { CreditState, LedgerKind, PaymentMethod } from '../../../src-shared/domain/passes';
import type { PromoKind, SaleLineKind } from '../../../src-shared/domain/checkout';

export interface CreditPolicyTable {
  id: 'centre';
  cancel_window_hours: number;
  late_cancel_forfeits: 0 | 1;
  no_show_forfeits: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface PassProductsTable {
  id: string;
  name: string;
  name_key: string;
  credits: number;
  /** Exactly one of validity_days and valid_until is set. */
  validity_days: number | null;
  valid_until: string | null;
  price_minor: number;
  /** VAT in basis points. */
  vat_rate_bp: number;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface PassProductSessionTypesTable {
  product_id: string;
  session_type_id: string;
}

export interface PassProductServicesTable {
  product_id: string;
  service_id: string;
}

export interface PlanProductsTable {
  id: string;
  name: string;
  name_key: string;
  validity_days: number;
  price_minor: number;
  /** VAT in basis points. */
  vat_rate_bp: number;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface PlanProductItemsTable {
  plan_id: string;
  service_id: string;
  quantity: number;
}

export interface PromoCodesTable {
  id: string;
  code: string;
  /** The code folded (upper case, no accents): unique. */
  code_key: string;
  description: string | null;
  kind: PromoKind;
  value: number;
  valid_from: string | null;
  valid_to: string | null;
  max_uses: number | null;
  max_uses_per_client: number | null;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface PromoCodeServicesTable {
  promo_id: string;
  service_id: string;
}

export interface ClientPromotionsTable {
  client_id: string;
  promo_id: string;
  attached_at: string;
}

export interface SalesTable {
  id: string;
  /** This desk's receipt series: numbers count within it, so desks selling offline never collide. */
  series: string;
  number: number;
  client_id: string | null;
  status: 'paid' | 'voided';
  currency: string;
  subtotal_minor: number;
  coverage_discount_minor: number;
  promo_discount_minor: number;
  total_minor: number;
  promo_code_id: string | null;
  staff_id: string | null;
  void_reason: string | null;
  voided_at: string | null;
  created_at: string;
  updated_at: string;
  /** The till session (a desk's day) the sale was taken in. */
  till_session_id: string | null;
  /** Cash handed over, when more than the cash amount; the change given back. */
  cash_tendered_minor: number | null;
  change_minor: number;
  /** Chile: the boleta's folio from the centre's provider. */
  boleta_folio: string | null;
  /** The till session the void was made in (its money goes back out of that till). */
  void_till_session_id: string | null;
}

export interface ClientPassesTable {
  id: string;
  client_id: string;
  kind: 'pass' | 'plan';
  pass_product_id: string | null;
  plan_product_id: string | null;
  plan_group_id: string | null;
  name: string;
  plan_name: string | null;
  credits_total: number;
  /** Kept by the ledger's trigger: the sum of its credit_ledger rows. */
  balance: number;
  valid_from: string;
  valid_until: string;
  /** JSON arrays of ids, copied from the product at the sale. */
  session_type_ids: string;
  service_ids: string;
  sale_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SaleLinesTable {
  id: string;
  sale_id: string;
  position: number;
  kind: SaleLineKind;
  item_id: string;
  description: string;
  quantity: number;
  unit_price_minor: number;
  covered_by: 'pass' | 'plan' | null;
  client_pass_id: string | null;
  coverage_discount_minor: number;
  promo_discount_minor: number;
  total_minor: number;
  booking_id: string | null;
  appointment_id: string | null;
  /** VAT in basis points; null: sold before taxes were recorded. */
  tax_rate_bp: number | null;
  /** The VAT inside total_minor (prices are tax-included), rounded per line. */
  tax_minor: number;
}

export interface SalePaymentsTable {
  id: string;
  sale_id: string;
  /** A built-in method or "custom:<payment_methods.id>". */
  method: PaymentMethod;
  amount_minor: number;
  /** The card terminal's voucher, a transfer's or app's operation number. */
  reference: string | null;
}

export interface PromoRedemptionsTable {
  id: string;
  promo_id: string;
  client_id: string | null;
  sale_id: string;
  discount_minor: number;
  voided: 0 | 1;
  created_at: string;
}

export interface CreditLedgerTable {
  id: string;
  client_pass_id: string;
  kind: LedgerKind;
  delta: number;
  booking_id: string | null;
  appointment_id: string | null;
  sale_id: string | null;
  reason: string | null;
  staff_id: string | null;
  created_at: string;
}

/** The credit columns migration 0004 added to bookings and appointments. */
export interface CreditColumns {
  credit_state: Generated<CreditState>;
  client_pass_id: Generated<string | null>;
  pay_with_pass: Generated<0 | 1>;
}
