import type { TaxBreakdown } from '../../src-shared/domain/fiscal';
import type { ChileBoletaRow, MexicoTicketRow } from '../../src-shared/domain/reports';
import { chileDaySales, mexicoInvoicedTickets, mexicoOpenTickets } from '../db/queries/fiscal-exports';
import { readCentreSettings } from '../db/queries/settings';
import { chileAmounts, chileBoletasCsv, mexicoGlobalCsv, mexicoInvoicedCsv, mexicoSummary, satPaymentForm } from '../engine/reports/fiscal-exports';
import { instantToLocal } from '../engine/time/local-time';
import { localRangeToInstants } from './agenda-range';
import type { Handlers } from './handler';

type ExportHandlers = Pick<Handlers, 'exports.chileBoletas' | 'exports.mexicoGlobal'>;

/** The global CFDI is monthly or bimonthly at most; a quarter leaves room. */
const maxMexicoDays = 93;

function groupBy<T extends { sale_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.sale_id, [...(out.get(r.sale_id) ?? []), r]);
  return out;
}

export const fiscalExportHandlers: ExportHandlers = {
  'exports.chileBoletas': async ({ date }, { db }) => {
    const { timeZone, currency } = await readCentreSettings(db);
    const { fromIso, toIso } = localRangeToInstants(date, date, timeZone, 1);
    const day = await chileDaySales(db, { date, fromIso, toIso });
    const lines = groupBy(day.lines);
    const payments = groupBy(day.payments);
    const invoices = groupBy(day.invoices);
    const sales: ChileBoletaRow[] = day.sales.map((s) => ({
      at: s.created_at,
      internalNumber: invoices.get(s.id)?.[0]?.full_number ?? `${s.series}-${s.number}`,
      boletaFolio: s.boleta_folio,
      vouchers: (payments.get(s.id) ?? []).flatMap((p) => (p.reference ? [p.reference] : [])),
      methods: [...new Set((payments.get(s.id) ?? []).map((p) => p.method))],
      ...chileAmounts(lines.get(s.id) ?? []),
      voided: s.status === 'voided',
    }));
    const localTime = (iso: string) => {
      const t = instantToLocal(new Date(iso), timeZone);
      return `${t.date} ${t.time}`;
    };
    return { fileName: `boletas_${date}.csv`, csv: chileBoletasCsv(sales, currency, localTime), rows: sales.length, sales };
  },

  'exports.mexicoGlobal': async ({ from, to }, { db }) => {
    const { timeZone, currency } = await readCentreSettings(db);
    localRangeToInstants(from, to, timeZone, maxMexicoDays);
    const open = await mexicoOpenTickets(db, from, to);
    const payments = groupBy(open.payments);
    const tickets: MexicoTicketRow[] = open.tickets.map((t) => ({
      ticket: t.full_number,
      date: t.issue_date,
      taxes: JSON.parse(t.taxes) as TaxBreakdown[],
      ivaMinor: t.tax_total_minor,
      totalMinor: t.total_minor,
      paymentForm: satPaymentForm((payments.get(t.sale_id) ?? []).map((p) => ({ method: p.method, amountMinor: p.amount_minor }))),
    }));
    const invoiced = (await mexicoInvoicedTickets(db, from, to)).map((r) => ({
      ticket: r.ticket ?? r.full_number,
      invoice: r.full_number,
      date: r.issue_date,
      name: r.customer_name,
      rfc: r.customer_tax_id,
      taxRegime: r.customer_tax_regime,
      postcode: r.customer_postcode,
      cfdiUse: r.customer_cfdi_use,
      totalMinor: r.total_minor,
    }));
    return {
      fileName: `global_publico_en_general_${from}_${to}.csv`,
      csv: mexicoGlobalCsv(tickets, currency),
      rows: tickets.length,
      tickets,
      summary: mexicoSummary(tickets),
      invoiced,
      invoicedFile: { fileName: `tickets_facturados_${from}_${to}.csv`, csv: mexicoInvoicedCsv(invoiced, currency), rows: invoiced.length },
    };
  },
};
