import type { ChainRecord } from '../../engine/fiscal/verify-chain';
import type { ReadDb } from '../database';

/**
 * Reads of the VERI*FACTU record chains for `fiscal verify`, `fiscal export` and the submitter. A
 * chain is one installation's (desk's) records of one issuer, in position order.
 */

const chainColumns = [
  'id',
  'installation_id',
  'position',
  'kind',
  'issuer_tax_id',
  'invoice_number',
  'invoice_date',
  'invoice_type',
  'tax_total',
  'total',
  'previous_fingerprint',
  'generated_at',
  'fingerprint',
  'payload',
] as const;

export interface ChainKey {
  installationId: string;
  issuerTaxId: string;
}

/** Every chain in the database (this desk's, and other desks' that sync brought), in a fixed order. */
export async function listChains(db: ReadDb): Promise<ChainKey[]> {
  const rows = await db
    .selectFrom('fiscal_records')
    .select(['installation_id', 'issuer_tax_id'])
    .distinct()
    .orderBy('installation_id')
    .orderBy('issuer_tax_id')
    .execute();
  return rows.map((r) => ({ installationId: r.installation_id, issuerTaxId: r.issuer_tax_id }));
}

/** One chain's records in position order (a removed one shows as a gap). */
export async function readChain(db: ReadDb, key: ChainKey): Promise<ChainRecord[]> {
  return db
    .selectFrom('fiscal_records')
    .select(chainColumns)
    .where('installation_id', '=', key.installationId)
    .where('issuer_tax_id', '=', key.issuerTaxId)
    .orderBy('position')
    .execute();
}

/** The records created in [fromIso, toIso), chain by chain, each in position order. */
export async function recordsCreatedBetween(db: ReadDb, fromIso: string, toIso: string): Promise<ChainRecord[]> {
  return db
    .selectFrom('fiscal_records')
    .select(chainColumns)
    .where('created_at', '>=', fromIso)
    .where('created_at', '<', toIso)
    .orderBy('issuer_tax_id')
    .orderBy('installation_id')
    .orderBy('position')
    .execute();
}

/** The issuer's legal name as the centre's fiscal data holds it now (ObligadoEmision), or null. */
export async function readIssuer(db: ReadDb): Promise<{ name: string; taxId: string } | null> {
  const row = await db.selectFrom('centre_fiscal').select(['legal_name', 'tax_id']).where('id', '=', 'centre').executeTakeFirst();
  return row ? { name: row.legal_name, taxId: row.tax_id } : null;
}
