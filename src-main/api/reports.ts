import type { SalesReport } from '../../src-shared/domain/reports';
import type { ReadDb } from '../db/database';
import { reportLinesAndPayments, reportNames, reportSales } from '../db/queries/sales-reports';
import { readCentreSettings } from '../db/queries/settings';
import { salesReportCsv } from '../engine/reports/report-csv';
import { salesReport } from '../engine/reports/sales-report';
import { localRangeToInstants } from './agenda-range';
import type { Handlers } from './handler';

type ReportHandlers = Pick<Handlers, 'reports.sales' | 'reports.salesCsv'>;

/** A report spans at most this many business days (inclusive). */
const maxReportDays = 366;

async function buildReport(db: ReadDb, from: string, to: string): Promise<SalesReport> {
  const { timeZone, currency } = await readCentreSettings(db);
  const { fromIso, toIso } = localRangeToInstants(from, to, timeZone, maxReportDays);
  const sales = await reportSales(db, { from, to, fromIso, toIso, timeZone });
  const { lines, payments } = await reportLinesAndPayments(
    db,
    sales.map((s) => s.saleId),
  );
  return salesReport({ from, to, currency }, sales, lines, payments, await reportNames(db));
}

export const reportHandlers: ReportHandlers = {
  'reports.sales': async ({ from, to }, { db }) => buildReport(db, from, to),

  'reports.salesCsv': async ({ from, to, table }, { db }) => {
    const report = await buildReport(db, from, to);
    const { language } = await readCentreSettings(db);
    const { csv, rows } = salesReportCsv(report, table, language);
    const names = { days: ['ventas-por-dia', 'sales-by-day'], professionals: ['ventas-por-profesional', 'sales-by-professional'], items: ['ventas-por-concepto', 'sales-by-item'], methods: ['ventas-por-metodo', 'sales-by-method'], taxes: ['impuestos', 'taxes'] }[table];
    return { fileName: `${names[language === 'es' ? 0 : 1]}_${from}_${to}.csv`, csv, rows };
  },
};
