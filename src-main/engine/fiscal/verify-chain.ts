import type { BrokenLink, ChainProblem } from '../../../src-shared/domain/verifactu';
import { aeatAmount, altaInput, anulacionInput, fingerprint } from './fingerprint';
import type { RecordPayload } from './record-payload';
import type { RecordRow } from './record-xml';

/** A stored record as the verification reads it. */
export interface ChainRecord extends RecordRow {
  id: string;
  installation_id: string;
  position: number;
}

export type ChainResult = { ok: true; records: number } | { ok: false; broken: BrokenLink };

/**
 * Checks one chain (one installation and issuer), records in position order: positions run 1, 2, 3…
 * (a removed record leaves a gap), every fingerprint recomputed from the record's hashed fields
 * equals the stored one (a changed amount, number or date shows), each record carries the previous
 * record's fingerprint ('' for the first: a moved or replaced record shows), and an invoice's stored
 * breakdown adds up to its hashed totals. Answers the first broken link.
 */
export function verifyChain(records: readonly ChainRecord[]): ChainResult {
  let previous: ChainRecord | null = null;
  for (const record of records) {
    const problem = linkProblem(record, previous);
    if (problem) return { ok: false, broken: { installationId: record.installation_id, issuerTaxId: record.issuer_tax_id, position: record.position, recordId: record.id, invoiceNumber: record.invoice_number, ...problem } };
    previous = record;
  }
  return { ok: true, records: records.length };
}

type Problem = { problem: ChainProblem; expected: string; found: string };

function linkProblem(record: ChainRecord, previous: ChainRecord | null): Problem | null {
  const expectedPosition = previous ? previous.position + 1 : 1;
  if (record.position !== expectedPosition) return { problem: 'position_gap', expected: String(expectedPosition), found: String(record.position) };
  const recomputed = recomputeFingerprint(record);
  if (recomputed !== record.fingerprint) return { problem: 'fingerprint_mismatch', expected: recomputed ?? '(unreadable hashed fields)', found: record.fingerprint };
  const expectedPrevious = previous?.fingerprint ?? '';
  if (record.previous_fingerprint !== expectedPrevious) return { problem: 'chain_broken', expected: expectedPrevious, found: record.previous_fingerprint };
  return totalsProblem(record);
}

/** The fingerprint of the record's hashed fields, or null when one is not in the form it is hashed in. */
export function recomputeFingerprint(record: RecordRow): string | null {
  const issuedOn = isoDate(record.invoice_date);
  if (issuedOn === null) return null;
  const previousFingerprint = record.previous_fingerprint === '' ? null : record.previous_fingerprint;
  if (record.kind === 'anulacion') {
    return fingerprint(anulacionInput({ issuerTaxId: record.issuer_tax_id, number: record.invoice_number, issuedOn, previousFingerprint, generatedAt: record.generated_at }));
  }
  const taxMinor = amountMinor(record.tax_total);
  const totalMinor = amountMinor(record.total);
  if (taxMinor === null || totalMinor === null || record.invoice_type === null) return null;
  return fingerprint(
    altaInput({ issuerTaxId: record.issuer_tax_id, number: record.invoice_number, issuedOn, invoiceType: record.invoice_type, taxMinor, totalMinor, previousFingerprint, generatedAt: record.generated_at }),
  );
}

function totalsProblem(record: ChainRecord): Problem | null {
  if (record.kind !== 'alta') return null;
  let payload: RecordPayload;
  try {
    payload = JSON.parse(record.payload) as RecordPayload;
  } catch {
    return { problem: 'totals_mismatch', expected: 'a readable breakdown', found: 'unreadable payload' };
  }
  const tax = payload.breakdown.reduce((sum, t) => sum + t.taxMinor, 0);
  const total = payload.breakdown.reduce((sum, t) => sum + t.baseMinor + t.taxMinor, 0);
  const stored = `${record.tax_total}/${record.total}`;
  const added = `${aeatAmount(tax)}/${aeatAmount(total)}`;
  return stored === added ? null : { problem: 'totals_mismatch', expected: stored, found: added };
}

/** dd-mm-yyyy (as hashed) → yyyy-mm-dd, or null. */
function isoDate(aeat: string): string | null {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(aeat);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** "-12.35" → -1235; null unless written exactly as the AEAT form writes it (so rewriting "12.35" as "12.350" shows). */
function amountMinor(value: string | null): number | null {
  if (value === null || !/^-?\d{1,12}\.\d{2}$/.test(value)) return null;
  const negative = value.startsWith('-');
  const [units, cents] = value.replace('-', '').split('.');
  const minor = Number(units) * 100 + Number(cents);
  return aeatAmount(negative ? -minor : minor) === value ? (negative ? -minor : minor) : null;
}
