import type { ChainTip } from '../../engine/fiscal/record';
import type { ReadDb, WriteTx } from '../database';
import type { FiscalRecordsTable } from '../tables/fiscal';

/** The last record of this installation's chain for the issuer, or null before the first. */
export async function chainTip(tx: WriteTx, installationId: string, issuerTaxId: string): Promise<ChainTip | null> {
  const row = await tx
    .selectFrom('fiscal_records')
    .select(['position', 'fingerprint', 'invoice_number', 'invoice_date'])
    .where('installation_id', '=', installationId)
    .where('issuer_tax_id', '=', issuerTaxId)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { position: row.position, fingerprint: row.fingerprint, invoiceNumber: row.invoice_number, invoiceDate: row.invoice_date } : null;
}

export async function insertFiscalRecord(tx: WriteTx, row: FiscalRecordsTable): Promise<void> {
  await tx.insertInto('fiscal_records').values(row).execute();
}

/** The records of these invoices (their registration and any cancellation). */
export async function recordsOfInvoices(db: ReadDb, invoiceIds: readonly string[]): Promise<Pick<FiscalRecordsTable, 'invoice_id' | 'kind' | 'fingerprint'>[]> {
  if (invoiceIds.length === 0) return [];
  return db.selectFrom('fiscal_records').select(['invoice_id', 'kind', 'fingerprint']).where('invoice_id', 'in', invoiceIds).orderBy('position').execute();
}
