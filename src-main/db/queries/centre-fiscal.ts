import type { CentreFiscal } from '../../../src-shared/domain/fiscal';
import type { ReadDb, WriteTx } from '../database';
import { precompiled } from '../precompiled';

// Read by every sale: built once.
const centreFiscalRow = precompiled((db) => db.selectFrom('centre_fiscal').selectAll().where('id', '=', 'centre'));

export async function readCentreFiscal(db: ReadDb): Promise<CentreFiscal | null> {
  const [row] = await centreFiscalRow(db, {});
  return row ? { legalName: row.legal_name, taxId: row.tax_id, address: row.address, postcode: row.postcode, city: row.city } : null;
}

/** The one row of the centre's fiscal data, created the first time. */
export async function writeCentreFiscal(tx: WriteTx, fiscal: CentreFiscal, now: string): Promise<void> {
  const values = { legal_name: fiscal.legalName, tax_id: fiscal.taxId, address: fiscal.address, postcode: fiscal.postcode, city: fiscal.city, updated_at: now };
  await tx
    .insertInto('centre_fiscal')
    .values({ id: 'centre', ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
