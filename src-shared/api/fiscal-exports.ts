import { z } from 'zod';
import type { TaxBreakdown } from '../domain/fiscal';
import type { ChileBoletaRow, ExportFile, MexicoInvoicedRow, MexicoTicketRow } from '../domain/reports';
import { managers } from './access';
import { query, returns } from './define-call';
import { isoDate } from './fields';

export const fiscalExportsApi = {
  'exports.chileBoletas': query(
    z.strictObject({ date: isoDate }),
    "Chile: a business day's sales for the centre's boleta provider (folio, vouchers, net, IVA, exempt, total; voids marked), as CSV",
    returns<ExportFile & { sales: ChileBoletaRow[] }>(),
    managers,
  ),
  'exports.mexicoGlobal': query(
    z.strictObject({ from: isoDate, to: isoDate }),
    'Mexico: the period\'s tickets not invoiced, for the global "público en general" CFDI (with a summary line), and apart the tickets invoiced with the client\'s data, as CSV',
    returns<
      ExportFile & {
        tickets: MexicoTicketRow[];
        summary: { tickets: number; taxes: TaxBreakdown[]; ivaMinor: number; totalMinor: number };
        invoiced: MexicoInvoicedRow[];
        invoicedFile: ExportFile;
      }
    >(),
    managers,
  ),
} as const;
