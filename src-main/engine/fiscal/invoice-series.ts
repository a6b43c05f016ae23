import type { InvoiceKind } from '../../../src-shared/domain/fiscal';

/**
 * A desk's invoice series: one per kind of document, desk and year ("FS-7KQ2-2026" for simplified
 * invoices, "F-…" full, "R-…" corrective — Spain wants corrective ones in a series of their own),
 * so desks selling offline never collide and each series starts again at 1 every year.
 */
const prefixes: Readonly<Record<InvoiceKind, string>> = { simplified: 'FS', full: 'F', corrective: 'R' };

export function invoiceSeries(kind: InvoiceKind, deskSeries: string, localDate: string): string {
  return `${prefixes[kind]}-${deskSeries}-${localDate.slice(0, 4)}`;
}

/** Series and number as printed and as the AEAT's NumSerieFactura. */
export function invoiceFullNumber(series: string, number: number): string {
  return `${series}-${number}`;
}
