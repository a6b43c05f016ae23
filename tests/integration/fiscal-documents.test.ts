import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { altaInput, anulacionInput, fingerprint } from '../../src-main/engine/fiscal/fingerprint';
import type { FiscalRecordsTable } from '../../src-main/db/tables/fiscal';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { fixClock } from '../helpers/fixed-clock';
import { setCentreFiscal } from '../helpers/fiscal-data';
import type { CheckoutWorld } from './checkout-world';
import { NOW, cash, checkoutWorld, rows } from './checkout-world';
import { rowCounts } from './db-inspect';

let api: TempApi;
let world: CheckoutWorld;

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await checkoutWorld(api);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

function records(): FiscalRecordsTable[] {
  return rows<FiscalRecordsTable>(api, 'SELECT * FROM fiscal_records ORDER BY position');
}

/** The record's fingerprint computed again from its stored fields, as the AEAT would. */
function recomputed(r: FiscalRecordsTable): string {
  const [d, m, y] = r.invoice_date.split('-');
  const issuedOn = `${y}-${m}-${d}`;
  const toMinor = (amount: string) => Math.round(Number(amount) * 100);
  return fingerprint(
    r.kind === 'alta'
      ? altaInput({
          issuerTaxId: r.issuer_tax_id,
          number: r.invoice_number,
          issuedOn,
          invoiceType: r.invoice_type!,
          taxMinor: toMinor(r.tax_total!),
          totalMinor: toMinor(r.total!),
          previousFingerprint: r.previous_fingerprint,
          generatedAt: r.generated_at,
        })
      : anulacionInput({ issuerTaxId: r.issuer_tax_id, number: r.invoice_number, issuedOn, previousFingerprint: r.previous_fingerprint, generatedAt: r.generated_at }),
  );
}

async function product(name: string, priceMinor: number, vatRateBp: number) {
  return (await api.call('products.create', { name, priceMinor, vatRateBp })).id;
}

describe('a Spanish centre', () => {
  it('issues a simplified invoice per sale with its VAT per rate, chained VERI*FACTU records and the QR address', async () => {
    const champu = await product('Champú sólido', 1210, 1000);
    const first = await api.call('checkout.commit', {
      clientId: world.ana,
      lines: [{ kind: 'service', serviceId: world.corte }, { kind: 'product', productId: champu, quantity: 2 }],
      payments: [
        { method: 'cash', amountMinor: 2000 },
        { method: 'card', amountMinor: 2220, reference: '004512' },
      ],
      cashTenderedMinor: 5000,
    });
    // Corte 18,00 at 21 %: tax 3,12 (18 × 0,21 / 1,21 = 3,1239…); 2 × 12,10 at 10 %: tax 2,20.
    expect(first.lines.map((l) => [l.taxRateBp, l.totalMinor, l.taxMinor])).toEqual([
      [2100, 1800, 312],
      [1000, 2420, 220],
    ]);
    expect(first.taxes).toEqual([
      { rateBp: 2100, baseMinor: 1488, taxMinor: 312 },
      { rateBp: 1000, baseMinor: 2200, taxMinor: 220 },
    ]);
    expect(first.changeMinor).toBe(3000);
    expect(first.payments[1]).toEqual({ method: 'card', amountMinor: 2220, reference: '004512' });
    const [invoice] = first.invoices;
    expect(invoice).toMatchObject({ kind: 'simplified', type: 'F2', number: 1, totalMinor: 4220, taxTotalMinor: 532, baseTotalMinor: 3688, cancelled: false });
    expect(invoice!.fullNumber).toBe(`${invoice!.series}-1`);
    expect(invoice!.series).toMatch(/^FS-[0-9A-Z]{4}-2027$/);
    expect(invoice!.issuer).toEqual({ legalName: 'Centro Alba Estética S.L.', taxId: 'B12345674', address: 'Calle Mayor 12, 28013 Madrid' });
    expect(invoice!.verifactu?.qrUrl).toBe(
      `https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=${encodeURIComponent(invoice!.fullNumber)}&fecha=01-03-2027&importe=42.20`,
    );

    const second = await api.call('checkout.commit', { clientId: world.eva, lines: [{ kind: 'service', serviceId: world.tinte }], payments: cash(4500) });
    expect(second.invoices[0]!.number).toBe(2);
    const [r1, r2] = records();
    expect(r1).toMatchObject({ kind: 'alta', position: 1, invoice_type: 'F2', tax_total: '5.32', total: '42.20', previous_fingerprint: '', invoice_date: '01-03-2027' });
    expect(r1!.generated_at).toBe('2027-03-01T10:00:00+01:00');
    expect(r2).toMatchObject({ position: 2, previous_fingerprint: r1!.fingerprint, total: '45.00', tax_total: '7.81' });
    for (const r of [r1!, r2!]) expect(r.fingerprint).toBe(recomputed(r));
    expect(invoice!.verifactu?.fingerprint).toBe(r1!.fingerprint);
    expect(JSON.parse(r2!.payload)).toMatchObject({ previous: { number: invoice!.fullNumber, date: '01-03-2027', fingerprint: r1!.fingerprint }, breakdown: [{ rateBp: 2100, baseMinor: 3719, taxMinor: 781 }] });
    // Both wait for the tax agency, in the order they were made.
    expect(rows(api, 'SELECT record_id, seq, status FROM fiscal_submissions ORDER BY seq')).toEqual([
      { record_id: r1!.id, seq: 1, status: 'pending' },
      { record_id: r2!.id, seq: 2, status: 'pending' },
    ]);
  });

  it('a full invoice at checkout, or later replacing the simplified one (F3); never twice, never with a bad tax id', async () => {
    const refused = await api.refuse('checkout.commit', {
      lines: [{ kind: 'service', serviceId: world.corte }],
      payments: cash(1800),
      invoiceTo: { name: 'Talleres Norte S.L.', taxId: 'B12345670' },
    });
    expect(refused).toMatchObject({ code: 'invalid_tax_id', field: 'invoiceTo.taxId' });
    const full = await api.call('checkout.commit', {
      lines: [{ kind: 'service', serviceId: world.corte }],
      payments: cash(1800),
      invoiceTo: { name: 'Talleres Norte S.L.', taxId: 'b-12345674', address: 'Calle Real 3', postcode: '28001' },
    });
    expect(full.invoices[0]).toMatchObject({ kind: 'full', type: 'F1', number: 1, customer: { name: 'Talleres Norte S.L.', taxId: 'B12345674', address: 'Calle Real 3' } });
    expect(full.invoices[0]!.series).toMatch(/^F-/);

    const simple = await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'service', serviceId: world.manicura }], payments: cash(2000) });
    const later = await api.call('invoices.issueFull', { saleId: simple.id, customer: { name: 'Ana Ruiz', taxId: '12345678z' } });
    expect(later).toMatchObject({ kind: 'full', type: 'F3', number: 2, replacesNumber: simple.invoices[0]!.fullNumber, customer: { taxId: '12345678Z' }, totalMinor: 2000 });
    expect(await api.refuse('invoices.issueFull', { saleId: simple.id, customer: { name: 'Ana Ruiz', taxId: '12345678Z' } })).toMatchObject({ code: 'invoice_already_full' });
    expect((await api.call('sales.get', { id: simple.id })).invoices.map((i) => i.type)).toEqual(['F2', 'F3']);
    const f3 = records().find((r) => r.invoice_type === 'F3')!;
    expect(JSON.parse(f3.payload)).toMatchObject({ recipient: { name: 'Ana Ruiz', taxId: '12345678Z' }, replaced: [{ number: simple.invoices[0]!.fullNumber, date: '01-03-2027' }] });
  });

  it('a void issues a corrective invoice (R5) referring to the original, or the same day a cancellation record; the sale itself is never edited away', async () => {
    const sale = await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'service', serviceId: world.tinte }], payments: cash(4500) });
    const voided = await api.call('sales.void', { id: sale.id, reason: 'Cobrado dos veces' });
    const corrective = voided.invoices[1]!;
    expect(corrective).toMatchObject({ kind: 'corrective', type: 'R5', number: 1, correctsNumber: sale.invoices[0]!.fullNumber, reason: 'Cobrado dos veces', totalMinor: -4500, taxTotalMinor: -781 });
    expect(corrective.series).toMatch(/^R-/);
    expect(voided.invoices[0]!.cancelled).toBe(false);
    const r5 = records().at(-1)!;
    expect(r5).toMatchObject({ invoice_type: 'R5', total: '-45.00', tax_total: '-7.81' });
    expect(JSON.parse(r5.payload)).toMatchObject({ corrected: { number: sale.invoices[0]!.fullNumber, date: '01-03-2027' } });

    const mistake = await api.call('checkout.commit', { clientId: world.eva, lines: [{ kind: 'service', serviceId: world.corte }], payments: cash(1800) });
    const cancelled = await api.call('sales.void', { id: mistake.id, reason: 'Cliente equivocado', document: 'cancel' });
    expect(cancelled.invoices).toHaveLength(1);
    expect(cancelled.invoices[0]!.cancelled).toBe(true);
    const anulacion = records().at(-1)!;
    expect(anulacion).toMatchObject({ kind: 'anulacion', invoice_number: mistake.invoices[0]!.fullNumber, invoice_type: null, total: null });
    expect(anulacion.fingerprint).toBe(recomputed(anulacion));
    // Every record chained to the one before.
    const all = records();
    all.forEach((r, i) => expect(r.previous_fingerprint).toBe(i === 0 ? '' : all[i - 1]!.fingerprint));

    // A ticket replaced by a full invoice was handed over: no cancelling it.
    const replaced = await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'service', serviceId: world.corte }], payments: cash(1800) });
    await api.call('invoices.issueFull', { saleId: replaced.id, customer: { name: 'Ana Ruiz', taxId: '12345678Z' } });
    expect(await api.refuse('sales.void', { id: replaced.id, reason: 'Error', document: 'cancel' })).toMatchObject({ code: 'cancel_not_possible', field: 'document' });

    // The next day a cancellation is too late: a corrective invoice it must be.
    const late = await api.call('checkout.commit', { clientId: world.luz, lines: [{ kind: 'service', serviceId: world.corte }], payments: cash(1800) });
    fixClock('2027-03-02T09:00:00.000Z');
    expect(await api.refuse('sales.void', { id: late.id, reason: 'Error', document: 'cancel' })).toMatchObject({ code: 'cancel_not_same_day', field: 'document' });
  });

  it('documents are never edited, records never edited or removed: the database refuses', async () => {
    await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'service', serviceId: world.corte }], payments: cash(1800) });
    const sqlite = api.host.database.sqlite;
    expect(() => sqlite.prepare('UPDATE invoices SET total_minor = 1').run()).toThrow(/never edited/);
    expect(() => sqlite.prepare("UPDATE fiscal_records SET total = '1.00'").run()).toThrow(/never edited/);
    expect(() => sqlite.prepare('DELETE FROM fiscal_records').run()).toThrow(/never deleted/);
  });

  it('numbers have no gaps: a sale refused after pricing takes no number', async () => {
    await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: world.corte }], payments: cash(1800) });
    expect(await api.refuse('checkout.commit', { lines: [{ kind: 'service', serviceId: world.corte }], payments: cash(1800), cashTenderedMinor: 1000 })).toMatchObject({
      code: 'cash_tendered_short',
      field: 'cashTenderedMinor',
    });
    const next = await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: world.corte }], payments: cash(1800) });
    expect(next.invoices[0]!.number).toBe(2);
    expect(records().map((r) => r.position)).toEqual([1, 2]);
  });
});

describe('without the centre fiscal data', () => {
  it('a Spanish centre sells nothing and says what is missing', async () => {
    const bare = await openTempApi({ fiscal: false });
    try {
      const service = await bare.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 });
      const before = rowCounts(bare.host.database.sqlite);
      expect(await bare.refuse('checkout.commit', { lines: [{ kind: 'service', serviceId: service.id }], payments: cash(1800) })).toMatchObject({ code: 'fiscal_data_missing' });
      expect(rowCounts(bare.host.database.sqlite)).toEqual(before);
    } finally {
      await bare.close();
    }
  });
});

describe('Chile and Mexico', () => {
  it('Chile: 19 % IVA, the boleta folio and the voucher number kept, no VERI*FACTU record', async () => {
    const chile = await openTempApi({ fiscal: false });
    try {
      await chile.call('settings.update', { name: 'Spa Andes', country: 'CL', timeZone: 'America/Santiago', currency: 'CLP', language: 'es' });
      await setCentreFiscal(chile.host, { legalName: 'Spa Andes SpA', taxId: '76.086.428-5', address: 'Av. Providencia 1234', postcode: '7500000', city: 'Santiago' });
      const masaje = await chile.call('services.create', { name: 'Masaje', durationMin: 60, priceMinor: 35_000 });
      expect(masaje.vatRateBp).toBe(1900);
      const sale = await chile.call('checkout.commit', {
        lines: [{ kind: 'service', serviceId: masaje.id }],
        payments: [{ method: 'card', amountMinor: 35_000, reference: '887766' }],
        boletaFolio: '120034',
      });
      expect(sale).toMatchObject({ boletaFolio: '120034', taxes: [{ rateBp: 1900, baseMinor: 29_412, taxMinor: 5588 }] });
      expect(sale.invoices[0]).toMatchObject({ kind: 'simplified', verifactu: null, issuer: { taxId: '76086428-5' } });
      expect(rows(chile, 'SELECT * FROM fiscal_records')).toEqual([]);
    } finally {
      await chile.close();
    }
  });

  it('Mexico: 16 % IVA; a ticket made out to a client needs the RFC, regime, postcode and CFDI use, all at once', async () => {
    const mexico = await openTempApi({ fiscal: false });
    try {
      await mexico.call('settings.update', { name: 'Salón Roma', country: 'MX', timeZone: 'America/Mexico_City', currency: 'MXN', language: 'es' });
      await setCentreFiscal(mexico.host, { legalName: 'Salón Roma SA de CV', taxId: 'SRO150101AB9', address: 'Colima 120, Roma Norte', postcode: '06700', city: 'Ciudad de México' });
      const corte = await mexico.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 58_000 });
      const missing = await mexico.refuse('checkout.commit', {
        lines: [{ kind: 'service', serviceId: corte.id }],
        payments: cash(58_000),
        invoiceTo: { name: 'Laura Pérez', taxId: 'PEGL800101AB8' },
      });
      expect([missing.field, ...(missing.fields ?? []).map((f) => f.field)]).toEqual(expect.arrayContaining(['invoiceTo.postcode', 'invoiceTo.taxRegime', 'invoiceTo.cfdiUse']));
      const ticket = await mexico.call('checkout.commit', { lines: [{ kind: 'service', serviceId: corte.id }], payments: cash(58_000) });
      expect(ticket.taxes).toEqual([{ rateBp: 1600, baseMinor: 50_000, taxMinor: 8000 }]);
      expect(ticket.invoices[0]).toMatchObject({ kind: 'simplified', number: 1, verifactu: null });
    } finally {
      await mexico.close();
    }
  });
});
