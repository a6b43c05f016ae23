import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { fixClock } from '../helpers/fixed-clock';
import { setCentreFiscal } from '../helpers/fiscal-data';

let api: TempApi;

afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

/** A centre in Chile or Mexico with its services (VAT of the country by default). */
async function centre(country: 'CL' | 'MX') {
  fixClock('2027-03-01T15:00:00.000Z');
  api = await openTempApi({ fiscal: false });
  await api.call('settings.update', country === 'CL' ? { country, currency: 'CLP', timeZone: 'America/Santiago' } : { country, currency: 'MXN', timeZone: 'America/Mexico_City' });
  await setCentreFiscal(api.host, { legalName: 'Estética Sur', taxId: country === 'CL' ? '76086428-5' : 'EKU9003173C9', address: 'Av. Central 100', postcode: country === 'CL' ? '8320000' : '06000', city: country === 'CL' ? 'Santiago' : 'Ciudad de México' });
  const service = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: country === 'CL' ? 11900 : 11600 })).id;
  return { service };
}

describe('exports.chileBoletas', () => {
  it("lists the day's sales with the folio, the vouchers, net, IVA and total; voids marked", async () => {
    const { service } = await centre('CL');
    const cash = await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: service }], payments: [{ method: 'cash', amountMinor: 11900 }], boletaFolio: '120045' });
    await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: service }], payments: [{ method: 'card', amountMinor: 11900, reference: '884512' }] });
    await api.call('sales.void', { id: cash.id, reason: 'Error' });
    const out = await api.call('exports.chileBoletas', { date: '2027-03-01' });
    expect(out.rows).toBe(2);
    expect(out.sales.map((s) => [s.boletaFolio, s.vouchers, s.methods, s.netMinor, s.ivaMinor, s.exemptMinor, s.totalMinor, s.voided])).toEqual([
      ['120045', [], ['cash'], 10000, 1900, 0, 11900, true],
      [null, ['884512'], ['card'], 10000, 1900, 0, 11900, false],
    ]);
    const lines = out.csv.trim().split('\r\n');
    expect(lines[0]).toBe('fecha_hora,numero_interno,folio_boleta,vouchers,medios_pago,neto,iva,exento,total,anulada');
    expect(lines[1]).toMatch(/^2027-03-01 12:00,[^,]+,120045,,cash,10000,1900,0,11900,S$/);
    expect(out.fileName).toBe('boletas_2027-03-01.csv');
    expect(await api.refuse('exports.chileBoletas', { date: '2027-02-30' })).toMatchObject({ code: 'invalid_date', field: 'date' });
  });
});

describe('exports.mexicoGlobal', () => {
  it('lists the tickets not invoiced with the SAT payment form and a summary, and the invoiced ones apart', async () => {
    const { service } = await centre('MX');
    const sell = (method: 'cash' | 'card' | 'transfer' | 'bizum') => api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: service }], payments: [{ method, amountMinor: 11600 }] });
    await sell('cash');
    await sell('card');
    const invoiced = await sell('transfer');
    const voided = await sell('cash');
    await api.call('sales.void', { id: voided.id, reason: 'Error' });
    await api.call('invoices.issueFull', { saleId: invoiced.id, customer: { name: 'Ana Pérez', taxId: 'EKU9003173C9', postcode: '06000', taxRegime: '612', cfdiUse: 'G03' } });
    const out = await api.call('exports.mexicoGlobal', { from: '2027-03-01', to: '2027-03-31' });
    expect(out.tickets.map((t) => [t.paymentForm, t.ivaMinor, t.totalMinor])).toEqual([
      ['01', 1600, 11600],
      ['04', 1600, 11600],
    ]);
    expect(out.summary).toEqual({ tickets: 2, taxes: [{ rateBp: 1600, baseMinor: 20000, taxMinor: 3200 }], ivaMinor: 3200, totalMinor: 23200 });
    const lines = out.csv.trim().split('\r\n');
    expect(lines[0]).toBe('ticket,fecha,base_16,iva_16,base_8,iva_8,base_0,iva_0,iva,total,forma_pago');
    expect(lines[1]).toMatch(/^[^,]+,2027-03-01,100.00,16.00,0.00,0.00,0.00,0.00,16.00,116.00,01$/);
    expect(lines.at(-1)).toBe('TOTAL (2),,200.00,32.00,0.00,0.00,0.00,0.00,32.00,232.00,');
    expect(out.invoiced).toEqual([expect.objectContaining({ name: 'Ana Pérez', rfc: 'EKU9003173C9', taxRegime: '612', postcode: '06000', cfdiUse: 'G03', totalMinor: 11600 })]);
    expect(out.invoicedFile.csv).toContain('regimen_fiscal');
    expect(await api.refuse('exports.mexicoGlobal', { from: '2027-01-01', to: '2027-12-31' })).toMatchObject({ code: 'range_too_long' });
  });
});
