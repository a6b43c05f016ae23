import type { CentreFiscal, Invoice, InvoiceCustomer, TaxBreakdown } from '../../../src-shared/domain/fiscal';
import { verifactuQrUrl } from '../../engine/fiscal/qr-url';
import type { ReadDb, WriteTx } from '../database';
import type { FiscalRecordsTable, InvoicesTable } from '../tables/fiscal';
import { recordsOfInvoices } from './fiscal-records';
import { insertRows } from '../precompiled-insert';
import { precompiled } from '../precompiled';

/**
 * The next number of an invoice series on this desk, inside the document's write transaction: the
 * counter moves with the transaction, so a number is given once and, the transaction failing, not
 * at all (the series has no gaps).
 */
export async function nextInvoiceNumber(tx: WriteTx, series: string): Promise<number> {
  const [row] = await takeInvoiceNumber(tx, { series });
  return row!.last_number;
}

// Every invoice numbers itself: built once.
const takeInvoiceNumber = precompiled((db, p: { series: string }) =>
  db
    .insertInto('invoice_counters')
    .values({ series: p.series, last_number: 1 })
    .onConflict((oc) => oc.column('series').doUpdateSet((eb) => ({ last_number: eb('invoice_counters.last_number', '+', 1) })))
    .returning('last_number'),
);

export async function insertInvoice(tx: WriteTx, row: InvoicesTable): Promise<void> {
  await insertRows(tx, 'invoices', row);
}

/** This desk: its id (the VERI*FACTU installation) and the series its documents are numbered in. */
export async function readDeskSeries(db: ReadDb): Promise<{ id: string; series: string }> {
  const [desk] = await deskSeries(db, {});
  if (!desk) throw new Error('desk_identity has no row');
  return { id: desk.id, series: desk.receipt_series };
}

// Read by every sale: built once.
const deskSeries = precompiled((db) => db.selectFrom('desk_identity').select(['id', 'receipt_series']));

/** The issuer's address on one line, as the document keeps it. */
export function issuerAddress(issuer: CentreFiscal): string {
  return `${issuer.address}, ${issuer.postcode} ${issuer.city}`;
}

export async function invoiceRowsOfSale(db: ReadDb, saleId: string): Promise<InvoicesTable[]> {
  return db.selectFrom('invoices').selectAll().where('sale_id', '=', saleId).orderBy('created_at').orderBy('kind').execute();
}

/** The sale's document in force: the full invoice replacing its simplified one, else the first. Corrective ones are not. */
export function invoiceInForce(rows: readonly InvoicesTable[]): InvoicesTable | null {
  const issued = rows.filter((r) => r.kind !== 'corrective');
  return issued.find((r) => r.replaces_invoice_id !== null) ?? issued[0] ?? null;
}

function customerOf(row: InvoicesTable): InvoiceCustomer | null {
  if (row.customer_name === null || row.customer_tax_id === null) return null;
  return {
    name: row.customer_name,
    taxId: row.customer_tax_id,
    address: row.customer_address,
    postcode: row.customer_postcode,
    taxRegime: row.customer_tax_regime,
    cfdiUse: row.customer_cfdi_use,
  };
}

/** Documents as the receipt shows them, with their VERI*FACTU mark where a record was made. */
export async function invoicesOf(db: ReadDb, rows: readonly InvoicesTable[]): Promise<Invoice[]> {
  const records = await recordsOfInvoices(
    db,
    rows.map((r) => r.id),
  );
  const numbers = new Map(rows.map((r) => [r.id, r.full_number]));
  const missing = rows.flatMap((r) => [r.corrects_invoice_id, r.replaces_invoice_id]).filter((id): id is string => id !== null && !numbers.has(id));
  if (missing.length > 0) {
    for (const r of await db.selectFrom('invoices').select(['id', 'full_number']).where('id', 'in', missing).execute()) numbers.set(r.id, r.full_number);
  }
  return rows.map((row) => toInvoice(row, records, numbers));
}

/** One document as the receipt shows it, from its row, its records and the numbers it refers to. */
export function toInvoice(row: InvoicesTable, records: readonly Pick<FiscalRecordsTable, 'invoice_id' | 'kind' | 'fingerprint'>[], numbers: ReadonlyMap<string, string>): Invoice {
  const own = records.filter((r) => r.invoice_id === row.id);
  const alta = own.find((r) => r.kind === 'alta');
  return {
    id: row.id,
    saleId: row.sale_id,
    kind: row.kind,
    type: row.invoice_type,
    series: row.series,
    number: row.number,
    fullNumber: row.full_number,
    issuedAt: row.issued_at,
    issueDate: row.issue_date,
    issuer: { legalName: row.issuer_legal_name, taxId: row.issuer_tax_id, address: row.issuer_address },
    customer: customerOf(row),
    correctsNumber: row.corrects_invoice_id === null ? null : (numbers.get(row.corrects_invoice_id) ?? null),
    replacesNumber: row.replaces_invoice_id === null ? null : (numbers.get(row.replaces_invoice_id) ?? null),
    reason: row.reason,
    baseTotalMinor: row.base_total_minor,
    taxTotalMinor: row.tax_total_minor,
    totalMinor: row.total_minor,
    taxes: JSON.parse(row.taxes) as TaxBreakdown[],
    verifactu: alta
      ? {
          recordKind: 'alta',
          fingerprint: alta.fingerprint,
          qrUrl: verifactuQrUrl({ issuerTaxId: row.issuer_tax_id, number: row.full_number, issuedOn: row.issue_date, totalMinor: row.total_minor }),
          legend: 'VERI*FACTU',
        }
      : null,
    cancelled: own.some((r) => r.kind === 'anulacion'),
  };
}
