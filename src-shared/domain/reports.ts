import type { TaxBreakdown } from './fiscal';

/**
 * Sales for a range of business days. A sale counts on the day of the till session it was taken in,
 * a void (negative) on the day of the session it was made in: so a day's figures are its Z reports'.
 */
export interface SalesReport {
  from: string;
  to: string;
  currency: string;
  byDay: { date: string; salesCount: number; voidsCount: number; totalMinor: number; taxMinor: number }[];
  /** Per day and method (payments taken − payments of the day's voids): each day's Z reports' figures. */
  byDayMethod: { date: string; method: string; amountMinor: number }[];
  /** The professional of the appointment or session a line charged, else the seller. */
  byProfessional: { staffId: string | null; name: string | null; lines: number; quantity: number; totalMinor: number }[];
  byItem: { kind: string; itemId: string; description: string; quantity: number; totalMinor: number }[];
  byMethod: { method: string; label: string | null; payments: number; amountMinor: number }[];
  taxes: TaxBreakdown[];
  totals: { salesCount: number; voidsCount: number; totalMinor: number; taxMinor: number };
}

export type SalesReportTable = 'days' | 'professionals' | 'items' | 'methods' | 'taxes';

/** A file for the desk to save (CSV text, BOM included where the format wants one). */
export interface ExportFile {
  fileName: string;
  csv: string;
  rows: number;
}

/** Chile: a sale as the boleta provider needs it. */
export interface ChileBoletaRow {
  at: string;
  internalNumber: string | null;
  boletaFolio: string | null;
  vouchers: string[];
  methods: string[];
  netMinor: number;
  ivaMinor: number;
  exemptMinor: number;
  totalMinor: number;
  voided: boolean;
}

/** Mexico: a ticket for the global "público en general" CFDI, or one the client asked invoiced. */
export interface MexicoTicketRow {
  ticket: string;
  date: string;
  /** Per rate: the base and the IVA. */
  taxes: TaxBreakdown[];
  ivaMinor: number;
  totalMinor: number;
  /** The SAT's forma de pago: 01 efectivo, 03 transferencia, 04 tarjeta de crédito, 28 débito, 99 por definir. */
  paymentForm: string;
}

export interface MexicoInvoicedRow {
  ticket: string;
  invoice: string;
  date: string;
  name: string | null;
  rfc: string | null;
  taxRegime: string | null;
  postcode: string | null;
  cfdiUse: string | null;
  totalMinor: number;
}
