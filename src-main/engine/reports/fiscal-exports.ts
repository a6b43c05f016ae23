import Papa from 'papaparse';
import type { TaxBreakdown } from '../../../src-shared/domain/fiscal';
import type { ChileBoletaRow, MexicoInvoicedRow, MexicoTicketRow } from '../../../src-shared/domain/reports';
import { sumTaxes } from '../till/expected';
import { decimal, guarded } from './report-csv';

/** Chile: a sale's net (affected by IVA), IVA and exempt amounts from its lines. */
export function chileAmounts(lines: readonly { total_minor: number; tax_minor: number; tax_rate_bp: number | null }[]): { netMinor: number; ivaMinor: number; exemptMinor: number; totalMinor: number } {
  let netMinor = 0;
  let ivaMinor = 0;
  let exemptMinor = 0;
  for (const l of lines) {
    if (l.tax_rate_bp === 0) exemptMinor += l.total_minor;
    else {
      netMinor += l.total_minor - l.tax_minor;
      ivaMinor += l.tax_minor;
    }
  }
  return { netMinor, ivaMinor, exemptMinor, totalMinor: netMinor + ivaMinor + exemptMinor };
}

const csvOf = (rows: string[][]) => `${Papa.unparse(rows, { delimiter: ',', newline: '\r\n' })}\r\n`;

/** Chile: the day's sales for the boleta provider (UTF-8, comma-separated, dot decimals). */
export function chileBoletasCsv(rows: readonly ChileBoletaRow[], currency: string, localTime: (iso: string) => string): string {
  const m = (n: number) => decimal(n, currency);
  return csvOf([
    ['fecha_hora', 'numero_interno', 'folio_boleta', 'vouchers', 'medios_pago', 'neto', 'iva', 'exento', 'total', 'anulada'],
    ...rows.map((r) => [
      localTime(r.at),
      r.internalNumber ?? '',
      guarded(r.boletaFolio ?? ''),
      guarded(r.vouchers.join(' ')),
      r.methods.join(' '),
      m(r.netMinor),
      m(r.ivaMinor),
      m(r.exemptMinor),
      m(r.totalMinor),
      r.voided ? 'S' : 'N',
    ]),
  ]);
}

/**
 * The SAT's forma de pago for a ticket: that of the method with the largest amount (01 efectivo,
 * 03 transferencia, 04 tarjeta de crédito — a card is taken as credit: the desk does not record
 * debit (28) apart —, 99 por definir for the rest).
 */
export function satPaymentForm(payments: readonly { method: string; amountMinor: number }[]): string {
  const main = [...payments].sort((a, b) => b.amountMinor - a.amountMinor)[0];
  switch (main?.method) {
    case 'cash':
      return '01';
    case 'transfer':
      return '03';
    case 'card':
      return '04';
    default:
      return '99';
  }
}

/** The rates of Mexico's IVA a global CFDI lists, in order. */
const mexicoRates = [1600, 800, 0];

export function mexicoSummary(rows: readonly MexicoTicketRow[]): { taxes: TaxBreakdown[]; ivaMinor: number; totalMinor: number; tickets: number } {
  return {
    taxes: sumTaxes(rows.flatMap((r) => r.taxes)),
    ivaMinor: rows.reduce((s, r) => s + r.ivaMinor, 0),
    totalMinor: rows.reduce((s, r) => s + r.totalMinor, 0),
    tickets: rows.length,
  };
}

/** Mexico: the tickets for the global CFDI, one line each and a summary line (UTF-8, dot decimals). */
export function mexicoGlobalCsv(rows: readonly MexicoTicketRow[], currency: string): string {
  const m = (n: number) => decimal(n, currency);
  const rates = [...new Set([...mexicoRates, ...rows.flatMap((r) => r.taxes.map((t) => t.rateBp))])];
  const perRate = (taxes: readonly TaxBreakdown[]) =>
    rates.flatMap((bp) => {
      const t = taxes.find((x) => x.rateBp === bp);
      return [m(t?.baseMinor ?? 0), m(t?.taxMinor ?? 0)];
    });
  const summary = mexicoSummary(rows);
  return csvOf([
    ['ticket', 'fecha', ...rates.flatMap((bp) => [`base_${bp / 100}`, `iva_${bp / 100}`]), 'iva', 'total', 'forma_pago'],
    ...rows.map((r) => [r.ticket, r.date, ...perRate(r.taxes), m(r.ivaMinor), m(r.totalMinor), r.paymentForm]),
    [`TOTAL (${summary.tickets})`, '', ...perRate(summary.taxes), m(summary.ivaMinor), m(summary.totalMinor), ''],
  ]);
}

export function mexicoInvoicedCsv(rows: readonly MexicoInvoicedRow[], currency: string): string {
  return csvOf([
    ['ticket', 'factura', 'fecha', 'nombre', 'rfc', 'regimen_fiscal', 'codigo_postal', 'uso_cfdi', 'total'],
    ...rows.map((r) => [r.ticket, r.invoice, r.date, guarded(r.name ?? ''), r.rfc ?? '', r.taxRegime ?? '', r.postcode ?? '', r.cfdiUse ?? '', decimal(r.totalMinor, currency)]),
  ]);
}
