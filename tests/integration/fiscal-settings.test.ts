import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src-shared/api/result';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { rowCounts } from './db-inspect';

let api: TempApi;

beforeEach(async () => {
  api = await openTempApi({ fiscal: false });
});
afterEach(async () => {
  await api.close();
});

const salon = { legalName: 'Peluquería Alba S.L.', taxId: 'b-12345674', address: 'Calle Mayor 12', postcode: '28013', city: 'Madrid' };

async function country(code: string): Promise<void> {
  await api.call('settings.update', { country: code });
}

function fields(error: ApiError): [string, string][] {
  return (error.fields ?? []).map((f) => [f.field, f.code]);
}

describe("the centre's fiscal data", () => {
  it('is null until filled, then printed as set with the tax id normalised; the country gives the VAT choices', async () => {
    expect(await api.call('fiscal.settings.get', {})).toEqual({ fiscal: null, vatRates: [2100, 1000, 400, 0], defaultVatRateBp: 2100 });
    const set = await api.call('fiscal.settings.set', salon);
    expect(set.fiscal).toEqual({ ...salon, taxId: 'B12345674' });
    expect(await api.call('fiscal.settings.get', {})).toEqual(set);
    // Set again: the one row changes.
    await api.call('fiscal.settings.set', { ...salon, address: 'Gran Vía 1' });
    expect((await api.call('fiscal.settings.get', {})).fiscal?.address).toBe('Gran Vía 1');
    expect(api.host.database.sqlite.prepare('SELECT count(*) FROM centre_fiscal').pluck().get()).toBe(1);
  });

  it('refuses every missing field and a bad tax id at once, beside each field, writing nothing', async () => {
    const before = rowCounts(api.host.database.sqlite);
    const error = await api.refuse('fiscal.settings.set', { legalName: ' ', taxId: 'B12345670', address: '', postcode: '28013', city: '' });
    expect(error).toMatchObject({ code: 'required', field: 'legalName' });
    expect(fields(error)).toEqual([
      ['legalName', 'required'],
      ['address', 'required'],
      ['city', 'required'],
      ['taxId', 'invalid_tax_id'],
    ]);
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect(await api.refuse('fiscal.settings.set', { ...salon, taxId: '' })).toMatchObject({ code: 'required', field: 'taxId' });
    expect(await api.refuse('fiscal.settings.set', { ...salon, taxId: '12345678-5' })).toMatchObject({ code: 'invalid_tax_id', field: 'taxId' });
  });

  it("checks the tax id by the centre's country: a RUT in Chile, an RFC in Mexico (never the generic one)", async () => {
    await country('CL');
    expect((await api.call('fiscal.settings.set', { ...salon, taxId: '76.086.428-5' })).fiscal?.taxId).toBe('76086428-5');
    expect(await api.refuse('fiscal.settings.set', { ...salon, taxId: 'B12345674' })).toMatchObject({ code: 'invalid_tax_id', field: 'taxId' });
    expect((await api.call('fiscal.settings.get', {})).vatRates).toEqual([1900, 0]);
    await country('MX');
    expect((await api.call('fiscal.settings.set', { ...salon, taxId: 'sat-970701-nn3' })).fiscal?.taxId).toBe('SAT970701NN3');
    expect(await api.refuse('fiscal.settings.set', { ...salon, taxId: 'XAXX010101000' })).toMatchObject({ code: 'invalid_tax_id', field: 'taxId' });
    expect((await api.call('fiscal.settings.get', {})).defaultVatRateBp).toBe(1600);
  });
});

describe('VAT on what the centre sells', () => {
  it("gives services, passes, plans and products the country's default, or the rate chosen", async () => {
    const corte = await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 });
    expect(corte.vatRateBp).toBe(2100);
    expect((await api.call('services.update', { id: corte.id, vatRateBp: 1000 })).vatRateBp).toBe(1000);
    expect((await api.call('services.update', { id: corte.id, priceMinor: 2000 })).vatRateBp).toBe(1000);
    expect((await api.call('services.list', {}))[0]?.vatRateBp).toBe(1000);
    const pass = await api.call('passProducts.create', { name: 'Bono 5', credits: 5, sessionTypeIds: [], serviceIds: [corte.id], validity: { kind: 'days', days: 90 }, priceMinor: 8000, vatRateBp: 400 });
    expect(pass.vatRateBp).toBe(400);
    expect((await api.call('passProducts.update', { id: pass.id, vatRateBp: 0 })).vatRateBp).toBe(0);
    const plan = await api.call('planProducts.create', { name: 'Plan', items: [{ serviceId: corte.id, quantity: 2 }], validityDays: 60, priceMinor: 3000 });
    expect(plan.vatRateBp).toBe(2100);
    expect((await api.call('planProducts.update', { id: plan.id, vatRateBp: 1000 })).vatRateBp).toBe(1000);
  });

  it('refuses a rate the country does not have, on vatRateBp, writing nothing', async () => {
    const corte = await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 });
    const before = rowCounts(api.host.database.sqlite);
    for (const [call, input] of [
      ['services.create', { name: 'Tinte', durationMin: 60, priceMinor: 4500, vatRateBp: 1600 }],
      ['services.update', { id: corte.id, vatRateBp: 1900 }],
      ['passProducts.create', { name: 'Bono', credits: 5, sessionTypeIds: [], serviceIds: [corte.id], validity: { kind: 'days', days: 90 }, priceMinor: 8000, vatRateBp: 800 }],
      ['planProducts.create', { name: 'Plan', items: [{ serviceId: corte.id, quantity: 1 }], validityDays: 60, priceMinor: 3000, vatRateBp: 500 }],
      ['products.create', { name: 'Champú', priceMinor: 1200, vatRateBp: 1600 }],
    ] as const) {
      expect(await api.refuse(call, input), call).toMatchObject({ code: 'vat_rate_not_allowed', field: 'vatRateBp' });
    }
    expect(await api.refuse('products.create', { name: 'Champú', priceMinor: 1200, vatRateBp: 10_001 })).toMatchObject({ field: 'vatRateBp' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    await country('CL');
    expect((await api.call('services.create', { name: 'Masaje', durationMin: 60, priceMinor: 30_000 })).vatRateBp).toBe(1900);
    expect(await api.refuse('services.create', { name: 'Uñas', durationMin: 60, priceMinor: 30_000, vatRateBp: 2100 })).toMatchObject({ code: 'vat_rate_not_allowed' });
  });
});

describe('retail products', () => {
  it('are created, listed by name, changed and retired; names are unique whatever the case or accents', async () => {
    const champu = await api.call('products.create', { name: 'Champú sólido', priceMinor: 1290 });
    expect(champu).toMatchObject({ name: 'Champú sólido', priceMinor: 1290, vatRateBp: 2100, active: true });
    await api.call('products.create', { name: 'Aceite', priceMinor: 2400, vatRateBp: 1000 });
    expect((await api.call('products.list', {})).map((p) => p.name)).toEqual(['Aceite', 'Champú sólido']);
    expect(await api.refuse('products.create', { name: 'CHAMPU SOLIDO', priceMinor: 1 })).toMatchObject({ code: 'duplicate_name', field: 'name' });
    expect(await api.refuse('products.create', { name: 'Gel', priceMinor: -1 })).toMatchObject({ code: 'out_of_range', field: 'priceMinor' });
    const retired = await api.call('products.update', { id: champu.id, active: false, priceMinor: 1350 });
    expect(retired).toMatchObject({ active: false, priceMinor: 1350, vatRateBp: 2100 });
    expect((await api.call('products.list', {})).map((p) => p.name)).toEqual(['Aceite']);
    expect((await api.call('products.list', { includeInactive: true })).map((p) => p.name)).toEqual(['Aceite', 'Champú sólido']);
    expect(await api.refuse('products.update', { id: champu.id, name: 'aceite' })).toMatchObject({ code: 'duplicate_name' });
    expect(await api.refuse('products.update', { id: '01J00000000000000000000000', name: 'X' })).toMatchObject({ code: 'not_found', field: 'id' });
  });
});

describe('payment methods', () => {
  it("offers the country's built-in methods in order, then the centre's own active ones by name", async () => {
    const builtIn = (list: { kind: string; method: string }[]) => list.filter((m) => m.kind === 'built-in').map((m) => m.method);
    expect(builtIn(await api.call('paymentMethods.list', {}))).toEqual(['cash', 'card', 'bizum', 'transfer', 'voucher']);
    const gift = await api.call('paymentMethods.create', { name: 'Tarjeta regalo Alba' });
    expect(gift).toMatchObject({ name: 'Tarjeta regalo Alba', active: true });
    const cheque = await api.call('paymentMethods.create', { name: 'Cheque' });
    expect((await api.call('paymentMethods.list', {})).slice(5)).toEqual([
      { kind: 'custom', method: `custom:${cheque.id}`, id: cheque.id, name: 'Cheque', active: true },
      { kind: 'custom', method: `custom:${gift.id}`, id: gift.id, name: 'Tarjeta regalo Alba', active: true },
    ]);
    await api.call('paymentMethods.update', { id: cheque.id, active: false });
    await api.call('paymentMethods.update', { id: gift.id, name: 'Vale Alba' });
    expect((await api.call('paymentMethods.list', {})).slice(5).map((m) => m.method)).toEqual([`custom:${gift.id}`]);
    expect((await api.call('paymentMethods.list', { includeInactive: true })).slice(5).map((m) => (m.kind === 'custom' ? [m.name, m.active] : null))).toEqual([
      ['Cheque', false],
      ['Vale Alba', true],
    ]);
    expect(await api.refuse('paymentMethods.create', { name: 'vale alba' })).toMatchObject({ code: 'duplicate_name', field: 'name' });
    expect(await api.refuse('paymentMethods.create', { name: '  ' })).toMatchObject({ code: 'required', field: 'name' });
    expect(await api.refuse('paymentMethods.update', { id: '01J00000000000000000000000', active: false })).toMatchObject({ code: 'not_found' });
    await country('MX');
    expect(builtIn(await api.call('paymentMethods.list', {}))).toEqual(['cash', 'card', 'transfer', 'mercado_pago', 'voucher']);
  });
});

describe('who may', () => {
  it('read the fiscal data, products and methods: everyone; change them: owners and managers', async () => {
    const owner = await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' });
    const desk = await api.call('staff.create', { name: 'Rita Recepción', role: 'reception' });
    const profe = await api.call('staff.create', { name: 'Pau Profe', role: 'professional' });
    const manager = await api.call('staff.create', { name: 'Mario Encargado', role: 'manager' });
    await api.call('auth.signIn', { staffId: owner.id });
    for (const [member, pin] of [[owner, '1111'], [desk, '3333'], [profe, '4444'], [manager, '2222']] as const) await api.call('staff.setPin', { staffId: member.id, pin });
    const product = await api.call('products.create', { name: 'Laca', priceMinor: 900 });
    const method = await api.call('paymentMethods.create', { name: 'Cheque' });
    const writes = [
      ['fiscal.settings.set', salon],
      ['products.create', { name: 'Gel', priceMinor: 500 }],
      ['products.update', { id: product.id, priceMinor: 950 }],
      ['paymentMethods.create', { name: 'App' }],
      ['paymentMethods.update', { id: method.id, active: false }],
    ] as const;
    for (const [member, pin] of [[desk, '3333'], [profe, '4444']] as const) {
      const { invoke } = api.host.openSession();
      expect(await invoke('auth.signIn', { staffId: member.id, pin })).toMatchObject({ ok: true });
      for (const call of ['fiscal.settings.get', 'products.list', 'paymentMethods.list'] as const) expect(await invoke(call, {}), `${member.name} ${call}`).toMatchObject({ ok: true });
      for (const [call, input] of writes) expect(await invoke(call, input), `${member.name} ${call}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const { invoke } = api.host.openSession();
    await invoke('auth.signIn', { staffId: manager.id, pin: '2222' });
    for (const [call, input] of writes) expect(await invoke(call, input), `manager ${call}`).toMatchObject({ ok: true });
  });
});
