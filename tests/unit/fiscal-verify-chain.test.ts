import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChainRecord } from '../../src-main/engine/fiscal/verify-chain';
import { verifyChain } from '../../src-main/engine/fiscal/verify-chain';
import { chainRecords } from '../helpers/fiscal-chain';

function broken(records: ChainRecord[]) {
  const result = verifyChain(records);
  if (result.ok) throw new Error('the chain should be broken');
  return result.broken;
}

describe('verifying a VERI*FACTU chain', () => {
  it('accepts an intact chain of invoices and cancellations, and an empty one', () => {
    expect(verifyChain(chainRecords(50, { cancelEvery: 7 }))).toEqual({ ok: true, records: 50 });
    expect(verifyChain([])).toEqual({ ok: true, records: 0 });
  });

  it('finds a changed amount at its record: the fingerprint no longer matches', () => {
    const records = chainRecords(10);
    records[4] = { ...records[4]!, total: '999.99' };
    expect(broken(records)).toMatchObject({ position: 5, recordId: records[4]!.id, invoiceNumber: records[4]!.invoice_number, problem: 'fingerprint_mismatch', found: records[4]!.fingerprint });
  });

  it('finds a changed number, date or cancellation', () => {
    const records = chainRecords(6, { cancelEvery: 3 });
    expect(broken(records.map((r, i) => (i === 1 ? { ...r, invoice_number: 'F2-2027-999999' } : r)))).toMatchObject({ position: 2, problem: 'fingerprint_mismatch' });
    expect(broken(records.map((r, i) => (i === 3 ? { ...r, invoice_date: '05-01-2027' } : r)))).toMatchObject({ position: 4, problem: 'fingerprint_mismatch' });
    expect(broken(records.map((r, i) => (i === 2 ? { ...r, generated_at: '2027-01-04T10:00:00+01:00' } : r)))).toMatchObject({ position: 3, problem: 'fingerprint_mismatch' });
  });

  it('refuses an amount rewritten in another form even when it means the same', () => {
    const records = chainRecords(3);
    records[1] = { ...records[1]!, tax_total: `${records[1]!.tax_total}0` };
    expect(broken(records)).toMatchObject({ position: 2, problem: 'fingerprint_mismatch' });
  });

  it('finds a removed record as a gap in the positions', () => {
    const records = chainRecords(10);
    records.splice(6, 1);
    expect(broken(records)).toMatchObject({ position: 8, recordId: records[6]!.id, problem: 'position_gap', expected: '7', found: '8' });
  });

  it('finds a removed first record', () => {
    expect(broken(chainRecords(3).slice(1))).toMatchObject({ position: 2, problem: 'position_gap', expected: '1' });
  });

  it('finds two records swapped (renumbered to keep the positions) as a broken chain', () => {
    const records = chainRecords(6);
    const [a, b] = [records[2]!, records[3]!];
    records[2] = { ...b, position: 3 };
    records[3] = { ...a, position: 4 };
    expect(broken(records)).toMatchObject({ position: 3, recordId: b.id, problem: 'chain_broken', expected: records[1]!.fingerprint, found: a.fingerprint });
  });

  it('finds a record removed and the later ones renumbered: the chain breaks where it was', () => {
    const records = chainRecords(8);
    const tampered = [...records.slice(0, 4), ...records.slice(5).map((r) => ({ ...r, position: r.position - 1 }))];
    expect(broken(tampered)).toMatchObject({ position: 5, recordId: records[5]!.id, problem: 'chain_broken', expected: records[3]!.fingerprint, found: records[4]!.fingerprint });
  });

  it('finds a breakdown that no longer adds up to the hashed totals', () => {
    const records = chainRecords(4);
    const payload = JSON.parse(records[2]!.payload) as { breakdown: { baseMinor: number }[] };
    payload.breakdown[0]!.baseMinor += 100;
    records[2] = { ...records[2]!, payload: JSON.stringify(payload) };
    expect(broken(records)).toMatchObject({ position: 3, problem: 'totals_mismatch' });
  });

  it('property: any single changed hashed field is found at its record, never earlier', () => {
    const fields = ['invoice_number', 'invoice_date', 'tax_total', 'total', 'previous_fingerprint', 'generated_at', 'fingerprint'] as const;
    const records = chainRecords(30);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 29 }), fc.constantFrom(...fields), (index, field) => {
        const tampered = records.map((r, i) => (i === index ? { ...r, [field]: `${r[field]}1` } : r));
        const link = broken(tampered);
        // Every hashed field, the previous fingerprint included, is inside the record's own fingerprint.
        expect(link.position).toBe(index + 1);
        expect(link.problem).toBe('fingerprint_mismatch');
      }),
      { numRuns: 100 },
    );
  });
});
