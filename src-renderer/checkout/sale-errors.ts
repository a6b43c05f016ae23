import type { ApiError } from '../../src-shared/api/result';

/** Where a refused quote or sale is shown: beside the field the API names, else in a banner. */
export type SaleErrorPlace =
  | { at: 'client' }
  | { at: 'line'; index: number }
  | { at: 'lines' }
  | { at: 'promo' }
  | { at: 'payments' }
  | { at: 'tendered' }
  | { at: 'invoiceTo' }
  | { at: 'folio' }
  | { at: 'banner' };

export function placeOf(error: ApiError): SaleErrorPlace {
  const field = error.field ?? '';
  const [head, second] = field.split('.');
  if (error.code === 'client_blacklisted' || head === 'clientId' || head === 'acceptBlacklisted') return { at: 'client' };
  if (head === 'promoCode' || error.code.startsWith('promo_')) return { at: 'promo' };
  if (head === 'cashTenderedMinor') return { at: 'tendered' };
  if (head === 'invoiceTo') return { at: 'invoiceTo' };
  if (head === 'boletaFolio') return { at: 'folio' };
  if (head === 'payments' || error.code === 'payment_mismatch') return { at: 'payments' };
  if (head === 'lines') {
    const index = Number(second);
    return second !== undefined && Number.isInteger(index) ? { at: 'line', index } : { at: 'lines' };
  }
  return { at: 'banner' };
}

/** The errors of a sale by place: each field's message, the rest in `banner`. */
export interface SaleErrors {
  client?: ApiError;
  lines?: ApiError;
  line?: { index: number; error: ApiError };
  promo?: ApiError;
  payments?: ApiError;
  tendered?: ApiError;
  /** The full invoice's customer: every field's refusal is in its `fields`. */
  invoiceTo?: ApiError;
  folio?: ApiError;
  banner?: ApiError;
}

export function saleErrors(error: ApiError | undefined): SaleErrors {
  if (!error) return {};
  const place = placeOf(error);
  switch (place.at) {
    case 'client':
      return { client: error };
    case 'line':
      return { line: { index: place.index, error } };
    case 'lines':
      return { lines: error };
    case 'promo':
      return { promo: error };
    case 'payments':
      return { payments: error };
    case 'tendered':
      return { tendered: error };
    case 'invoiceTo':
      return { invoiceTo: error };
    case 'folio':
      return { folio: error };
    case 'banner':
      return { banner: error };
  }
}
