import type { ChainTip } from '../../engine/fiscal/record';
import type { ReadDb, WriteTx } from '../database';
import type { FiscalRecordsTable } from '../tables/fiscal';
import { insertRows } from '../precompiled-insert';
import { precompiled } from '../precompiled';

/** The last record of this installation's chain for the issuer, or null before the first. */
export async function chainTip(tx: WriteTx, installationId: string, issuerTaxId: string): Promise<ChainTip | null> {
  const [row] = await lastRecord(tx, { installationId, issuerTaxId });
  return row ? { position: row.position, fingerprint: row.fingerprint, invoiceNumber: row.invoice_number, invoiceDate: row.invoice_date } : null;
}

// Every record chains to the last one: built once.
const lastRecord = precompiled((db, p: { installationId: string; issuerTaxId: string }) =>
  db
    .selectFrom('fiscal_records')
    .select(['position', 'fingerprint', 'invoice_number', 'invoice_date'])
    .where('installation_id', '=', p.installationId)
    .where('issuer_tax_id', '=', p.issuerTaxId)
    .orderBy('position', 'desc')
    .limit(1),
);

export async function insertFiscalRecord(tx: WriteTx, row: FiscalRecordsTable): Promise<void> {
  await insertRows(tx, 'fiscal_records', row);
}

/** The records of these invoices (their registration and any cancellation). */
export async function recordsOfInvoices(db: ReadDb, invoiceIds: readonly string[]): Promise<Pick<FiscalRecordsTable, 'invoice_id' | 'kind' | 'fingerprint'>[]> {
  if (invoiceIds.length === 0) return [];
  return db.selectFrom('fiscal_records').select(['invoice_id', 'kind', 'fingerprint']).where('invoice_id', 'in', invoiceIds).orderBy('position').execute();
}
