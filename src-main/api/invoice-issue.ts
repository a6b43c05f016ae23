import packageJson from '../../package.json' with { type: 'json' };
import type { CentreFiscal, InvoiceCustomer, InvoiceKind, InvoiceType, TaxBreakdown } from '../../src-shared/domain/fiscal';
import type { WriteTx } from '../db/database';
import { chainTip, insertFiscalRecord } from '../db/queries/fiscal-records';
import { enqueueSubmission } from '../db/queries/fiscal-submissions';
import { readCentreFiscal } from '../db/queries/centre-fiscal';
import { insertInvoice, issuerAddress, nextInvoiceNumber, readDeskSeries } from '../db/queries/invoices';
import { readCentreSettings } from '../db/queries/settings';
import type { FiscalRecordsTable, InvoicesTable } from '../db/tables/fiscal';
import { invoiceFullNumber, invoiceSeries } from '../engine/fiscal/invoice-series';
import { altaRecord, anulacionRecord } from '../engine/fiscal/record';
import { recordSystem } from '../engine/fiscal/system-info';
import { newId } from '../engine/ids';
import { localDate } from '../engine/time/local-date';
import { AppError } from '../errors/app-error';

/** Countries whose receipts must be invoices: the centre's fiscal data is required before selling. */
const invoicingCountries = new Set(['ES', 'CL', 'MX']);

/** Where and by whom documents are issued now: the centre, its issuer data, this desk. */
export interface FiscalContext {
  country: string;
  timeZone: string;
  today: string;
  issuer: CentreFiscal | null;
  desk: { id: string; series: string };
  /** Spain: every invoice and cancellation gets a chained VERI*FACTU record. */
  records: boolean;
}

/** `requireIssuer` false: a void of a sale that had no document may go on without the centre's data. */
export async function fiscalContext(tx: WriteTx, now: string, options: { requireIssuer: boolean } = { requireIssuer: true }): Promise<FiscalContext> {
  const [settings, issuer, desk] = await Promise.all([
    readCentreSettings(tx),
    readCentreFiscal(tx),
    readDeskSeries(tx),
  ]);
  if (issuer === null && options.requireIssuer && invoicingCountries.has(settings.country)) throw new AppError('fiscal_data_missing', 'fiscal');
  return {
    country: settings.country,
    timeZone: settings.timeZone,
    today: localDate(new Date(now), settings.timeZone),
    issuer,
    desk,
    records: issuer !== null && settings.country === 'ES',
  };
}

export interface DocumentToIssue {
  saleId: string;
  kind: InvoiceKind;
  type: InvoiceType;
  clientId: string | null;
  customer: InvoiceCustomer | null;
  corrects: InvoicesTable | null;
  replaces: InvoicesTable | null;
  reason: string | null;
  taxes: TaxBreakdown[];
  totalMinor: number;
  /** What was sold, for the record's description. */
  lineDescriptions: readonly string[];
  staffId: string | null;
  tillSessionId: string | null;
}

/**
 * Issues one document in the caller's transaction: the next number of its series (gap-free), the
 * issuer as it is today, and in Spain its registration record chained to this desk's last one and
 * queued for the tax agency.
 */
export async function issueDocument(tx: WriteTx, context: FiscalContext, doc: DocumentToIssue, now: string): Promise<{ row: InvoicesTable; record: FiscalRecordsTable | null }> {
  const issuer = context.issuer!;
  const series = invoiceSeries(doc.kind, context.desk.series, context.today);
  const number = await nextInvoiceNumber(tx, series);
  const taxTotal = doc.taxes.reduce((sum, t) => sum + t.taxMinor, 0);
  const row: InvoicesTable = {
    id: newId(),
    sale_id: doc.saleId,
    kind: doc.kind,
    invoice_type: doc.type,
    series,
    number,
    full_number: invoiceFullNumber(series, number),
    desk_id: context.desk.id,
    issued_at: now,
    issue_date: context.today,
    issuer_legal_name: issuer.legalName,
    issuer_tax_id: issuer.taxId,
    issuer_address: issuerAddress(issuer),
    client_id: doc.clientId,
    customer_name: doc.customer?.name ?? null,
    customer_tax_id: doc.customer?.taxId ?? null,
    customer_address: doc.customer?.address ?? null,
    customer_postcode: doc.customer?.postcode ?? null,
    customer_tax_regime: doc.customer?.taxRegime ?? null,
    customer_cfdi_use: doc.customer?.cfdiUse ?? null,
    corrects_invoice_id: doc.corrects?.id ?? null,
    replaces_invoice_id: doc.replaces?.id ?? null,
    reason: doc.reason,
    base_total_minor: doc.totalMinor - taxTotal,
    tax_total_minor: taxTotal,
    total_minor: doc.totalMinor,
    taxes: JSON.stringify(doc.taxes),
    staff_id: doc.staffId,
    till_session_id: doc.tillSessionId,
    created_at: now,
  };
  await insertInvoice(tx, row);
  if (!context.records) return { row, record: null };
  const record = altaRecord(await recordContext(tx, context, row.issuer_tax_id, now), row, {
    lineDescriptions: doc.lineDescriptions,
    corrected: doc.corrects,
    replaced: doc.replaces,
  });
  await insertFiscalRecord(tx, record);
  await enqueueSubmission(tx, record.id, now);
  return { row, record };
}

/** Spain: the cancellation record of a document issued in error, chained and queued like any other. */
export async function cancelDocument(tx: WriteTx, context: FiscalContext, invoice: InvoicesTable, now: string): Promise<void> {
  if (!context.records) return;
  const record = anulacionRecord(await recordContext(tx, context, invoice.issuer_tax_id, now), invoice);
  await insertFiscalRecord(tx, record);
  await enqueueSubmission(tx, record.id, now);
}

async function recordContext(tx: WriteTx, context: FiscalContext, issuerTaxId: string, now: string) {
  return {
    id: newId(),
    installationId: context.desk.id,
    tip: await chainTip(tx, context.desk.id, issuerTaxId),
    now: new Date(now),
    timeZone: context.timeZone,
    system: recordSystem(context.desk.id, packageJson.version),
  };
}
