import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { PassesWorld } from './passes-world';
import { NOW, TODAY, balanceOf, expectBalancesMatchLedger, fixClock, ledgerKinds, passesWorld, reopen, sell, tenClassPass } from './passes-world';

let api: TempApi;
let world: PassesWorld;

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await passesWorld(api);
});
afterEach(async () => {
  expectBalancesMatchLedger(api);
  vi.useRealTimers();
  await api.close();
});

describe('pass and plan products', () => {
  it('creates, lists and changes a pass (names unique whatever the case and accents)', async () => {
    const pass = await tenClassPass(api, world, { serviceIds: [world.masaje, world.manicura] });
    expect(pass).toMatchObject({ name: 'Bono 10 clases', credits: 10, sessionTypeIds: [world.yoga], validity: { kind: 'days', days: 90 }, priceMinor: 8000, active: true });
    // Covered services come by name.
    expect(pass.serviceIds).toEqual([world.manicura, world.masaje]);
    expect(await api.refuse('passProducts.create', { name: 'BONO 10 CLASÉS', credits: 5, sessionTypeIds: [world.yoga], serviceIds: [], validity: { kind: 'days', days: 30 }, priceMinor: 1 })).toMatchObject({
      code: 'duplicate_name',
      field: 'name',
    });
    const changed = await api.call('passProducts.update', { id: pass.id, validity: { kind: 'until', date: '2027-12-31' }, serviceIds: [], active: false });
    expect(changed).toMatchObject({ validity: { kind: 'until', date: '2027-12-31' }, serviceIds: [], sessionTypeIds: [world.yoga], active: false });
    expect(await api.call('passProducts.list', {})).toEqual([]);
    expect((await api.call('passProducts.list', { includeInactive: true })).map((p) => p.id)).toEqual([pass.id]);
  });

  it('creates and changes a plan: services with quantities, by service name', async () => {
    const plan = await api.call('planProducts.create', {
      name: 'Plan Novia',
      items: [
        { serviceId: world.masaje, quantity: 2 },
        { serviceId: world.manicura, quantity: 3 },
      ],
      validityDays: 60,
      priceMinor: 15000,
    });
    expect(plan).toMatchObject({
      name: 'Plan Novia',
      items: [
        { serviceId: world.manicura, serviceName: 'Manicura', quantity: 3 },
        { serviceId: world.masaje, serviceName: 'Masaje', quantity: 2 },
      ],
      validityDays: 60,
      priceMinor: 15000,
      active: true,
    });
    const changed = await api.call('planProducts.update', { id: plan.id, items: [{ serviceId: world.corte, quantity: 1 }], name: 'Plan novia' });
    expect(changed.items).toEqual([{ serviceId: world.corte, serviceName: 'Corte', quantity: 1 }]);
    expect(await api.call('planProducts.list', {})).toHaveLength(1);
  });
});

describe("a client's passes", () => {
  it('sells a 10-class pass: balance 10, valid 90 days from the sale, the sale on its ledger with the desk', async () => {
    const product = await tenClassPass(api, world);
    const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: product.id });
    const [pass] = await api.call('passes.ofClient', { clientId: world.ana });
    expect(pass).toMatchObject({
      id: passId,
      clientId: world.ana,
      kind: 'pass',
      name: 'Bono 10 clases',
      planName: null,
      creditsTotal: 10,
      balance: 10,
      validFrom: TODAY,
      validUntil: '2027-05-29',
      expired: false,
      sessionTypeIds: [world.yoga],
      serviceIds: [],
    });
    expect(pass!.saleId).not.toBeNull();
    const ledger = await api.call('passes.ledger', { passId: passId! });
    expect(ledger).toEqual([
      expect.objectContaining({ kind: 'sale', delta: 10, saleId: pass!.saleId, staffName: 'Marta Recepción', bookingId: null, reason: null, createdAt: NOW }),
    ]);
  });

  it('adjusts by hand with a reason, never below zero', async () => {
    const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: (await tenClassPass(api, world, { credits: 2 })).id });
    expect(await api.call('passes.adjust', { passId: passId!, delta: 3, reason: 'Regalo de cumpleaños' })).toMatchObject({ balance: 5 });
    expect(await api.call('passes.adjust', { passId: passId!, delta: -5, reason: 'Error de venta' })).toMatchObject({ balance: 0 });
    expect(await api.refuse('passes.adjust', { passId: passId!, delta: -1, reason: 'x' })).toMatchObject({ code: 'insufficient_credits', field: 'delta' });
    const ledger = await api.call('passes.ledger', { passId: passId! });
    expect(ledger.map((e) => [e.kind, e.delta, e.reason])).toEqual([
      ['sale', 2, null],
      ['adjustment', 3, 'Regalo de cumpleaños'],
      ['adjustment', -5, 'Error de venta'],
    ]);
  });

  it('sells a plan as one line per service, grouped, and lists what is still to schedule', async () => {
    const plan = await api.call('planProducts.create', {
      name: 'Plan Novia',
      items: [
        { serviceId: world.masaje, quantity: 2 },
        { serviceId: world.manicura, quantity: 1 },
      ],
      validityDays: 30,
      priceMinor: 12000,
    });
    const lines = await sell(api, world.eva, { kind: 'plan', planProductId: plan.id });
    expect(lines).toHaveLength(2);
    const passes = await api.call('passes.ofClient', { clientId: world.eva });
    // One line per service, in the plan's order (by service name).
    expect(passes.map((p) => [p.kind, p.planName, p.name, p.balance, p.serviceIds, p.validUntil])).toEqual([
      ['plan', 'Plan Novia', 'Manicura', 1, [world.manicura], '2027-03-30'],
      ['plan', 'Plan Novia', 'Masaje', 2, [world.masaje], '2027-03-30'],
    ]);
    expect(new Set(passes.map((p) => p.planGroupId)).size).toBe(1);

    const bono = await tenClassPass(api, world, { credits: 4 });
    const [bonoId] = await sell(api, world.eva, { kind: 'pass', passProductId: bono.id });
    await api.call('passes.adjust', { passId: passes[0]!.id, delta: -1, reason: 'Usada fuera del sistema' });
    // Used up lines drop out; the rest shows with what remains, soonest to expire first.
    expect(await api.call('passes.toSchedule', { clientId: world.eva })).toEqual([
      { passId: passes[1]!.id, kind: 'plan', name: 'Plan Novia · Masaje', remaining: 2, validUntil: '2027-03-30', sessionTypeIds: [], serviceIds: [world.masaje] },
      { passId: bonoId, kind: 'pass', name: 'Bono 10 clases', remaining: 4, validUntil: '2027-05-29', sessionTypeIds: [world.yoga], serviceIds: [] },
    ]);
  });
});

describe('coverage: which chosen services plans and passes pay (seed 002)', () => {
  async function planFor(clientId: string, items: { serviceId: string; quantity: number }[]) {
    const plan = await api.call('planProducts.create', { name: `Plan ${items.length}-${items[0]!.quantity}`, items, validityDays: 30, priceMinor: 9000 });
    return sell(api, clientId, { kind: 'plan', planProductId: plan.id });
  }

  it('all covered', async () => {
    const [manicura, masaje] = await planFor(world.ana, [
      { serviceId: world.masaje, quantity: 1 },
      { serviceId: world.manicura, quantity: 1 },
    ]);
    expect(await api.call('passes.coverage', { clientId: world.ana, serviceIds: [world.manicura, world.masaje] })).toEqual({
      case: 'all',
      covered: [
        { serviceId: world.manicura, passId: manicura, name: 'Plan 2-1' },
        { serviceId: world.masaje, passId: masaje, name: 'Plan 2-1' },
      ],
      uncovered: [],
      leftToPayMinor: 0,
    });
  });

  it('some covered: which, and what is left to pay (two of a service need two units)', async () => {
    const [manicura] = await planFor(world.ana, [{ serviceId: world.manicura, quantity: 1 }]);
    const coverage = await api.call('passes.coverage', { clientId: world.ana, serviceIds: [world.manicura, world.manicura, world.corte] });
    expect(coverage).toEqual({
      case: 'some',
      covered: [{ serviceId: world.manicura, passId: manicura, name: 'Plan 1-1' }],
      uncovered: [
        { serviceId: world.manicura, priceMinor: 2000 },
        { serviceId: world.corte, priceMinor: 1800 },
      ],
      leftToPayMinor: 3800,
    });
  });

  it('none covered: no plan, or on a date outside its validity', async () => {
    expect(await api.call('passes.coverage', { clientId: world.luz, serviceIds: [world.masaje] })).toEqual({
      case: 'none',
      covered: [],
      uncovered: [{ serviceId: world.masaje, priceMinor: 5000 }],
      leftToPayMinor: 5000,
    });
    await planFor(world.luz, [{ serviceId: world.masaje, quantity: 5 }]);
    expect(await api.call('passes.coverage', { clientId: world.luz, serviceIds: [world.masaje], date: '2027-03-31' })).toMatchObject({ case: 'none', leftToPayMinor: 5000 });
    expect(await api.call('passes.coverage', { clientId: world.luz, serviceIds: [world.masaje], date: '2027-03-30' })).toMatchObject({ case: 'all' });
  });
});

describe('coverage by passes', () => {
  it('counts a pass only where the schedule for the service takes passes; plans anywhere', async () => {
    const product = await tenClassPass(api, world, { sessionTypeIds: [], serviceIds: [world.masaje] });
    const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: product.id });
    const base = { staffId: world.profe, durationMin: 30, serviceIds: [world.masaje], ranges: [{ weekday: 1, start: '09:00', end: '13:00' }] };
    const closed = await api.call('schedules.create', { ...base, name: 'Sin bonos', redeemableWithPasses: false });
    expect(await api.call('passes.coverage', { clientId: world.ana, serviceIds: [world.masaje] })).toMatchObject({ case: 'none', leftToPayMinor: 5000 });
    await api.call('schedules.update', { id: closed.id, redeemableWithPasses: true });
    expect(await api.call('passes.coverage', { clientId: world.ana, serviceIds: [world.masaje], staffId: world.profe })).toMatchObject({
      case: 'all',
      covered: [{ serviceId: world.masaje, passId }],
    });
    // Another professional without a schedule that takes passes.
    expect(await api.call('passes.coverage', { clientId: world.ana, serviceIds: [world.masaje], staffId: world.desk })).toMatchObject({ case: 'none' });
  });
});

describe('expiry', () => {
  it('takes the credits left of passes past their last day at start-up, once; reads flag them at once', async () => {
    const product = await tenClassPass(api, world, { validity: { kind: 'days', days: 10 } });
    const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: product.id });
    await api.call('passes.adjust', { passId: passId!, delta: -3, reason: 'Clases de prueba' });

    // The day after its last day, before any start-up: flagged expired, no longer listed by default.
    fixClock('2027-03-11T09:00:00.000Z');
    expect(await api.call('passes.ofClient', { clientId: world.ana })).toEqual([]);
    expect(await api.call('passes.ofClient', { clientId: world.ana, includeExpired: true })).toEqual([expect.objectContaining({ id: passId, expired: true, balance: 7 })]);
    expect(await api.refuse('passes.adjust', { passId: passId!, delta: 1, reason: 'x' })).toMatchObject({ code: 'pass_expired', field: 'passId' });

    api = await reopen(api);
    expect(ledgerKinds(api, passId!)).toEqual([
      ['sale', 10],
      ['adjustment', -3],
      ['expiry', -7],
    ]);
    expect(await balanceOf(api, world.ana, passId!)).toBe(0);
    api = await reopen(api);
    expect(ledgerKinds(api, passId!)).toHaveLength(3);
  });

  it('leaves a pass alone on its last day', async () => {
    const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: (await tenClassPass(api, world, { validity: { kind: 'days', days: 1 } })).id });
    fixClock('2027-03-01T22:30:00.000Z');
    api = await reopen(api);
    expect(await balanceOf(api, world.ana, passId!)).toBe(10);
  });
});

describe('the credit policy', () => {
  it('starts at 12 hours, forfeiting late cancellations and no-shows, and can be changed', async () => {
    expect(await api.call('creditPolicy.get', {})).toEqual({ cancelWindowHours: 12, lateCancelForfeits: true, noShowForfeits: true });
    expect(await api.call('creditPolicy.update', { cancelWindowHours: 24, noShowForfeits: false })).toEqual({ cancelWindowHours: 24, lateCancelForfeits: true, noShowForfeits: false });
    expect(await api.call('creditPolicy.update', { lateCancelForfeits: false })).toEqual({ cancelWindowHours: 24, lateCancelForfeits: false, noShowForfeits: false });
    expect(await api.call('creditPolicy.get', {})).toEqual({ cancelWindowHours: 24, lateCancelForfeits: false, noShowForfeits: false });
  });
});
