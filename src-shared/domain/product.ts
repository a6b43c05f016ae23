import type { CentreFiscal } from './fiscal';
import type { PaymentMethod } from './passes';

/** Something sold over the counter (a shampoo, a mat): a tax-included price and its VAT. */
export interface Product {
  id: string;
  name: string;
  /** Minor units of the centre's currency, VAT included. */
  priceMinor: number;
  /** Basis points: 2100 = 21 %. */
  vatRateBp: number;
  active: boolean;
}

/** A payment method the centre added (a gift-card brand, a local app). */
export interface CustomPaymentMethod {
  id: string;
  name: string;
  active: boolean;
}

/**
 * One method the desk offers, in order: a built-in one (the app labels it) or one the centre added,
 * by its name (inactive ones only where asked for, to edit them).
 */
export type PaymentMethodOption =
  | { kind: 'built-in'; method: PaymentMethod }
  | { kind: 'custom'; method: `custom:${string}`; id: string; name: string; active: boolean };

/** The centre's fiscal data (null until filled) and the country's VAT choices, the default first. */
export interface FiscalSettings {
  fiscal: CentreFiscal | null;
  /** Basis points; null: the country has no fixed list (any 0–100 %). */
  vatRates: number[] | null;
  defaultVatRateBp: number;
}
