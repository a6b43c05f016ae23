import type Database from 'better-sqlite3';
import { aeatAmount, aeatDate, altaInput, anulacionInput, fingerprint } from '../../src-main/engine/fiscal/fingerprint';
import type { RecordPayload } from '../../src-main/engine/fiscal/record-payload';
import type { ChainRecord } from '../../src-main/engine/fiscal/verify-chain';

/**
 * VERI*FACTU records for tests and benches, chained with the real fingerprint: what the lead's
 * checkout writes, without a sale behind each one (tests of the chain, the XML and the submission
 * queue do not need the sale). `insertChain` writes them straight into fiscal_records (and, when
 * asked, queues them) in one transaction, with foreign keys off for it since no invoice row exists.
 */

export const testSystem: RecordPayload['system'] = {
  producerName: 'Mostrador Software SL',
  producerTaxId: 'B12345674',
  name: 'Mostrador',
  id: 'MO',
  version: '0.1.0',
  installation: 'desk-1',
  onlyVerifactu: 'S',
  multipleTaxpayers: 'N',
  multipleTaxpayersNow: 'N',
};

export interface ChainOptions {
  installationId?: string;
  issuerTaxId?: string;
  issuerName?: string;
  /** The first record's local date, YYYY-MM-DD; records go one minute apart. */
  from?: string;
  /** The series prefix of the numbers ("F2-2027-" → F2-2027-000001). */
  series?: string;
  /** Every `cancelEvery`-th record cancels the invoice before it (0: none). */
  cancelEvery?: number;
  /** The ids' prefix (ids sort in position order). */
  idPrefix?: string;
}

/** n records of one chain, positions 1…n, each carrying the previous one's fingerprint. */
export function chainRecords(n: number, options: ChainOptions = {}): ChainRecord[] {
  const installation = options.installationId ?? 'desk-1';
  const issuerTaxId = options.issuerTaxId ?? 'B76543214';
  const issuerName = options.issuerName ?? 'Salón Lucía SL';
  const series = options.series ?? 'F2-2027-';
  const start = Date.parse(`${options.from ?? '2027-01-04'}T09:00:00Z`);
  const records: ChainRecord[] = [];
  let previous: ChainRecord | null = null;
  let invoiceNo = 0;
  for (let position = 1; position <= n; position++) {
    const at = new Date(start + (position - 1) * 60_000);
    const issuedOn = at.toISOString().slice(0, 10);
    const generatedAt = `${at.toISOString().slice(0, 19)}+01:00`;
    const previousFingerprint = previous?.fingerprint ?? null;
    const cancel = options.cancelEvery && position % options.cancelEvery === 0 && previous?.kind === 'alta';
    const base: Omit<ChainRecord, 'kind' | 'invoice_number' | 'invoice_date' | 'invoice_type' | 'tax_total' | 'total' | 'fingerprint' | 'payload'> = {
      id: `${options.idPrefix ?? 'rec'}-${installation}-${String(position).padStart(7, '0')}`,
      installation_id: installation,
      position,
      issuer_tax_id: issuerTaxId,
      previous_fingerprint: previousFingerprint ?? '',
      generated_at: generatedAt,
    };
    const payloadBase = {
      issuerName,
      recipient: null,
      corrected: null,
      replaced: [],
      previous: previous ? { number: previous.invoice_number, date: previous.invoice_date, fingerprint: previous.fingerprint } : null,
      system: { ...testSystem, installation },
    };
    let record: ChainRecord;
    if (cancel && previous) {
      const number = previous.invoice_number;
      const date = previous.invoice_date;
      const issued = `${date.slice(6)}-${date.slice(3, 5)}-${date.slice(0, 2)}`;
      const payload: RecordPayload = { ...payloadBase, description: 'Anulación', breakdown: [] };
      record = {
        ...base,
        kind: 'anulacion',
        invoice_number: number,
        invoice_date: date,
        invoice_type: null,
        tax_total: null,
        total: null,
        fingerprint: fingerprint(anulacionInput({ issuerTaxId, number, issuedOn: issued, previousFingerprint, generatedAt })),
        payload: JSON.stringify(payload),
      };
    } else {
      invoiceNo += 1;
      const number = `${series}${String(invoiceNo).padStart(6, '0')}`;
      const totalMinor = 1500 + ((position * 37) % 9000);
      const taxMinor = Math.round((totalMinor * 2100) / 12100);
      const payload: RecordPayload = { ...payloadBase, description: 'Corte y peinado', breakdown: [{ rateBp: 2100, baseMinor: totalMinor - taxMinor, taxMinor }] };
      record = {
        ...base,
        kind: 'alta',
        invoice_number: number,
        invoice_date: aeatDate(issuedOn),
        invoice_type: 'F2',
        tax_total: aeatAmount(taxMinor),
        total: aeatAmount(totalMinor),
        fingerprint: fingerprint(altaInput({ issuerTaxId, number, issuedOn, invoiceType: 'F2', taxMinor, totalMinor, previousFingerprint, generatedAt })),
        payload: JSON.stringify(payload),
      };
    }
    records.push(record);
    previous = record;
  }
  return records;
}

/** Writes the records into fiscal_records (and queues them in order when `enqueue`), in one transaction. */
export function insertChain(sqlite: Database.Database, records: readonly ChainRecord[], options: { enqueue?: boolean; createdAt?: (r: ChainRecord) => string } = {}): void {
  const insert = sqlite.prepare(
    `INSERT INTO fiscal_records (id, installation_id, position, kind, invoice_id, issuer_tax_id, invoice_number, invoice_date, invoice_type, tax_total, total, previous_fingerprint, generated_at, fingerprint, payload, created_at)
     VALUES (@id, @installation_id, @position, @kind, @invoice_id, @issuer_tax_id, @invoice_number, @invoice_date, @invoice_type, @tax_total, @total, @previous_fingerprint, @generated_at, @fingerprint, @payload, @created_at)`,
  );
  const queue = sqlite.prepare(
    `INSERT INTO fiscal_submissions (record_id, seq, status, attempts, updated_at)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM fiscal_submissions), 'pending', 0, ?)`,
  );
  const createdAt = options.createdAt ?? ((r: ChainRecord) => `${r.generated_at.slice(0, 19)}.000Z`);
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const r of records) {
        const at = createdAt(r);
        insert.run({ ...r, invoice_id: `inv-${r.id}`, created_at: at });
        if (options.enqueue) queue.run(r.id, at);
      }
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
