import { describe, expect, it } from 'vitest';
import type { PromoCode } from '../../src-shared/domain/checkout';
import type { PassProduct, PlanProduct } from '../../src-shared/domain/passes';
import { optionalCount, optionalDate, toggled, withPrice } from '../../src-renderer/passes/form-values';
import { newPassForm, passFormOf, passInput } from '../../src-renderer/passes/pass-product-form';
import { newPlanForm, newPlanItem, planFormOf, planInput } from '../../src-renderer/passes/plan-product-form';
import { newPromoForm, promoFormOf, promoInput } from '../../src-renderer/promos/promo-form';

const priceInvalid = 'Escribe un precio, como 12,50.';

const pass: PassProduct = {
  id: 'P1',
  name: 'Bono 10 clases',
  credits: 10,
  sessionTypeIds: ['T1'],
  serviceIds: ['S1', 'S2'],
  validity: { kind: 'days', days: 90 },
  priceMinor: 8000,
  vatRateBp: 2100,
  active: true,
};

const plan: PlanProduct = {
  id: 'L1',
  name: 'Plan Novia',
  items: [
    { serviceId: 'S1', serviceName: 'Maquillaje', quantity: 2 },
    { serviceId: 'S2', serviceName: 'Peinado', quantity: 1 },
  ],
  validityDays: 180,
  priceMinor: 25_050,
  vatRateBp: 1000,
  active: true,
};

const promo: PromoCode = {
  id: 'C1',
  code: 'Verano-25',
  description: 'Campaña de verano',
  kind: 'amount',
  value: 500,
  validFrom: '2027-06-01',
  validTo: null,
  maxUses: 100,
  maxUsesPerClient: null,
  serviceIds: ['S1'],
  active: true,
  uses: 3,
};

describe('the values of a form', () => {
  it('turns a price into minor units for the input, or refuses it beside its field', () => {
    expect(withPrice('12,50', 'EUR', 'priceMinor', priceInvalid, (priceMinor) => ({ priceMinor }))).toEqual({ ok: true, value: { priceMinor: 1250 } });
    expect(withPrice('doce', 'EUR', 'value', priceInvalid, (value) => ({ value }))).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: priceInvalid, field: 'value' },
    });
  });

  it('reads an empty limit or date as none, and sends anything else as typed', () => {
    expect(optionalCount('')).toBeNull();
    expect(optionalCount('  ')).toBeNull();
    expect(optionalCount('3')).toBe(3);
    expect(optionalCount('tres')).toBeNaN();
    expect(optionalDate('')).toBeNull();
    expect(optionalDate('2027-06-01')).toBe('2027-06-01');
  });

  it('ticks and unticks ids in the order they were ticked, once each', () => {
    expect(toggled(['A'], 'B', true)).toEqual(['A', 'B']);
    expect(toggled(['A', 'B'], 'A', true)).toEqual(['A', 'B']);
    expect(toggled(['A', 'B'], 'A', false)).toEqual(['B']);
    expect(toggled([], 'A', false)).toEqual([]);
  });
});

describe('the pass product form', () => {
  it('starts a new pass at 10 credits for 90 days, with no price', () => {
    expect(newPassForm()).toEqual({ name: '', credits: '10', sessionTypeIds: [], serviceIds: [], validityKind: 'days', days: '90', until: '', price: '', vatRateBp: null });
  });

  it('shows a pass with its price typed the local way, and gives back the same input', () => {
    const form = passFormOf(pass, 'EUR', 'es-ES');
    expect(form).toEqual({ name: 'Bono 10 clases', credits: '10', sessionTypeIds: ['T1'], serviceIds: ['S1', 'S2'], validityKind: 'days', days: '90', until: '', price: '80,00', vatRateBp: 2100 });
    const { id: _id, active: _active, ...input } = pass;
    expect(passInput(form, 'EUR', priceInvalid)).toEqual({ ok: true, value: input });
  });

  it('keeps the lists of the form its own, not the product’s', () => {
    const form = passFormOf(pass, 'EUR', 'es-ES');
    form.serviceIds.push('S3');
    expect(pass.serviceIds).toEqual(['S1', 'S2']);
  });

  it('sends a fixed end date, or a number of days, as the validity chosen', () => {
    const until = passFormOf({ ...pass, validity: { kind: 'until', date: '2027-12-31' } }, 'EUR', 'es-ES');
    expect(until).toMatchObject({ validityKind: 'until', until: '2027-12-31', days: '90' });
    expect(passInput(until, 'EUR', priceInvalid)).toMatchObject({ ok: true, value: { validity: { kind: 'until', date: '2027-12-31' } } });
    expect(passInput({ ...until, validityKind: 'days', days: '30' }, 'EUR', priceInvalid)).toMatchObject({ ok: true, value: { validity: { kind: 'days', days: 30 } } });
  });

  it('refuses a price that is not one beside the price', () => {
    expect(passInput({ ...newPassForm(), name: 'Bono', price: '' }, 'EUR', priceInvalid)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: priceInvalid, field: 'priceMinor' },
    });
  });

  it('sends numbers as typed, for the API to refuse what is not one', () => {
    const result = passInput({ ...newPassForm(), credits: 'diez', price: '50' }, 'EUR', priceInvalid);
    expect(result.ok && result.value.credits).toBeNaN();
  });
});

describe('the plan product form', () => {
  it('starts a new plan with one empty line, for a year', () => {
    const form = newPlanForm();
    expect(form).toMatchObject({ name: '', validityDays: '365', price: '', items: [{ serviceId: '', quantity: '1' }] });
  });

  it('gives every line a key of its own', () => {
    const keys = [newPlanItem().key, newPlanItem().key, ...planFormOf(plan, 'EUR', 'es-ES').items.map((i) => i.key)];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows a plan line by line, and gives back the same input', () => {
    const form = planFormOf(plan, 'EUR', 'es-ES');
    expect(form).toMatchObject({ name: 'Plan Novia', validityDays: '180', price: '250,50' });
    expect(form.items.map(({ serviceId, quantity }) => ({ serviceId, quantity }))).toEqual([
      { serviceId: 'S1', quantity: '2' },
      { serviceId: 'S2', quantity: '1' },
    ]);
    expect(planInput(form, 'EUR', priceInvalid)).toEqual({
      ok: true,
      value: { name: 'Plan Novia', items: [{ serviceId: 'S1', quantity: 2 }, { serviceId: 'S2', quantity: 1 }], validityDays: 180, priceMinor: 25_050, vatRateBp: 1000 },
    });
  });

  it('leaves out lines with no service chosen', () => {
    const form = { ...planFormOf(plan, 'EUR', 'es-ES') };
    form.items = [...form.items, newPlanItem(), newPlanItem('', '4')];
    const result = planInput(form, 'EUR', priceInvalid);
    expect(result.ok && result.value.items).toEqual([
      { serviceId: 'S1', quantity: 2 },
      { serviceId: 'S2', quantity: 1 },
    ]);
  });

  it('refuses a price that is not one beside the price', () => {
    expect(planInput({ ...newPlanForm(), price: 'mucho' }, 'EUR', priceInvalid)).toMatchObject({ ok: false, error: { field: 'priceMinor', message: priceInvalid } });
  });
});

describe('the promo code form', () => {
  it('starts a new code as a percentage, with no dates, limits or services', () => {
    expect(newPromoForm()).toEqual({ code: '', description: '', kind: 'percent', value: '', validFrom: '', validTo: '', maxUses: '', maxUsesPerClient: '', serviceIds: [] });
  });

  it('shows an amount off as a price, and no limit or date as empty', () => {
    const form = promoFormOf(promo, 'EUR', 'es-ES');
    expect(form).toEqual({
      code: 'Verano-25',
      description: 'Campaña de verano',
      kind: 'amount',
      value: '5,00',
      validFrom: '2027-06-01',
      validTo: '',
      maxUses: '100',
      maxUsesPerClient: '',
      serviceIds: ['S1'],
    });
    expect(promoInput(form, 'EUR', priceInvalid)).toEqual({
      ok: true,
      value: { code: 'Verano-25', description: 'Campaña de verano', kind: 'amount', value: 500, validFrom: '2027-06-01', validTo: null, maxUses: 100, maxUsesPerClient: null, serviceIds: ['S1'] },
    });
  });

  it('shows a percentage as its number, and reads one typed with a sign or a comma', () => {
    const form = promoFormOf({ ...promo, kind: 'percent', value: 15, description: null }, 'EUR', 'es-ES');
    expect(form).toMatchObject({ kind: 'percent', value: '15', description: '' });
    const value = (typed: string) => {
      const result = promoInput({ ...form, value: typed }, 'EUR', priceInvalid);
      return result.ok ? result.value.value : undefined;
    };
    expect(value('15')).toBe(15);
    expect(value(' 20 % ')).toBe(20);
    expect(value('12,5')).toBe(12.5);
  });

  it('refuses an amount off that is not a price beside the value', () => {
    expect(promoInput({ ...newPromoForm(), kind: 'amount', value: 'cinco' }, 'EUR', priceInvalid)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: priceInvalid, field: 'value' },
    });
  });
});
