import type { InvoiceKind } from '../../src-shared/domain/fiscal';

/** The name of the centre's tax id on a document: NIF in Spain, RUT in Chile, RFC in Mexico. */
export function taxIdKey(country: string): 'ES' | 'CL' | 'MX' | 'other' {
  return country === 'ES' || country === 'CL' || country === 'MX' ? country : 'other';
}

/** 2100 (basis points) → "21 %" in es-ES, "21%" in en-GB. */
export function formatRate(rateBp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rateBp / 10_000);
}

/** A local date (yyyy-mm-dd) as the document prints it: "07/12/2026" in es-ES. */
export function formatIssueDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * A document's title. In Chile the legal boleta is the provider's (its folio is printed) and in
 * Mexico the CFDI is the invoicing provider's: what the desk prints there for a simple sale is a
 * sales voucher or ticket, not a Spanish "factura simplificada".
 */
export function documentTitleKey(kind: InvoiceKind, country: string) {
  if (kind === 'simplified' && country === 'CL') return 'receipt.title.simplifiedCL' as const;
  if (kind === 'simplified' && country === 'MX') return 'receipt.title.simplifiedMX' as const;
  return `receipt.title.${kind}` as const;
}
