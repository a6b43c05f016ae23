import Papa from 'papaparse';
import type { Language } from '../../../src-shared/domain/centre';
import type { SalesReport, SalesReportTable } from '../../../src-shared/domain/reports';

const methodNames: Record<Language, Record<string, string>> = {
  es: { cash: 'Efectivo', card: 'Tarjeta', bizum: 'Bizum', transfer: 'Transferencia', mercado_pago: 'Mercado Pago', voucher: 'Vale', other: 'Otro' },
  en: { cash: 'Cash', card: 'Card', bizum: 'Bizum', transfer: 'Bank transfer', mercado_pago: 'Mercado Pago', voucher: 'Voucher', other: 'Other' },
};
const kindNames: Record<Language, Record<string, string>> = {
  es: { service: 'Servicio', pass: 'Bono', plan: 'Plan', product: 'Producto' },
  en: { service: 'Service', pass: 'Pass', plan: 'Plan', product: 'Product' },
};

export function methodName(method: string, label: string | null, language: Language): string {
  return label ?? methodNames[language][method] ?? method;
}

/** Digits after the decimal point of a currency (CLP has none). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units as a plain decimal number ("-12.50"), the separator given. */
export function decimal(minor: number, currency: string, separator: '.' | ',' = '.'): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}${separator}${String(abs % scale).padStart(digits, '0')}`;
}

const rate = (bp: number) => `${(bp / 100).toString().replace('.', ',')} %`;

/** One table of the sales report as CSV for Spanish Excel: `;`, decimal commas, CRLF, UTF-8 BOM. */
export function salesReportCsv(report: SalesReport, table: SalesReportTable, language: Language): { csv: string; rows: number } {
  const m = (minor: number) => decimal(minor, report.currency, ',');
  const es = language === 'es';
  const rows: string[][] = (() => {
    switch (table) {
      case 'days':
        return [
          es ? ['Día', 'Ventas', 'Anulaciones', 'Total', 'Impuestos'] : ['Day', 'Sales', 'Voids', 'Total', 'Taxes'],
          ...report.byDay.map((d) => [d.date, String(d.salesCount), String(d.voidsCount), m(d.totalMinor), m(d.taxMinor)]),
        ];
      case 'professionals':
        return [
          es ? ['Profesional', 'Líneas', 'Cantidad', 'Total'] : ['Professional', 'Lines', 'Quantity', 'Total'],
          ...report.byProfessional.map((p) => [p.name ?? (es ? 'Sin asignar' : 'Unassigned'), String(p.lines), String(p.quantity), m(p.totalMinor)]),
        ];
      case 'items':
        return [
          es ? ['Tipo', 'Concepto', 'Cantidad', 'Total'] : ['Kind', 'Item', 'Quantity', 'Total'],
          ...report.byItem.map((i) => [kindNames[language][i.kind] ?? i.kind, guarded(i.description), String(i.quantity), m(i.totalMinor)]),
        ];
      case 'methods':
        return [
          es ? ['Método de pago', 'Pagos', 'Importe'] : ['Payment method', 'Payments', 'Amount'],
          ...report.byMethod.map((p) => [guarded(methodName(p.method, p.label, language)), String(p.payments), m(p.amountMinor)]),
        ];
      case 'taxes':
        return [
          es ? ['Tipo', 'Base', 'Cuota', 'Total'] : ['Rate', 'Base', 'Tax', 'Total'],
          ...report.taxes.map((t) => [rate(t.rateBp), m(t.baseMinor), m(t.taxMinor), m(t.baseMinor + t.taxMinor)]),
        ];
    }
  })();
  return { csv: `\uFEFF${Papa.unparse(rows, { delimiter: ';', newline: '\r\n' })}\r\n`, rows: rows.length - 1 };
}

/** A cell Excel would run as a formula gets a leading apostrophe (CSV injection). */
export function guarded(text: string): string {
  return /^[=+\-@]/.test(text) && !/^[+-]?[\d\s.,]+$/.test(text) ? `'${text}` : text;
}
