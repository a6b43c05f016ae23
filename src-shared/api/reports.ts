import { z } from 'zod';
import type { ExportFile, SalesReport } from '../domain/reports';
import { managers } from './access';
import { query, returns } from './define-call';
import { isoDate } from './fields';

const range = { from: isoDate, to: isoDate };

export const reportsApi = {
  'reports.sales': query(
    z.strictObject(range),
    'Sales between two business days (at most 366): by day, professional, item, payment method and tax rate; each day equal to its Z reports',
    returns<SalesReport>(),
    managers,
  ),
  'reports.salesCsv': query(
    z.strictObject({ ...range, table: z.enum(['days', 'professionals', 'items', 'methods', 'taxes']) }),
    'One table of reports.sales as CSV for Spanish Excel (semicolons, decimal commas, UTF-8 with BOM)',
    returns<ExportFile>(),
    managers,
  ),
} as const;
