import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallInput } from '../../src-shared/api/contract';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { unknownId } from '../helpers/agenda-fixtures';
import { changeLog, rowCounts } from './db-inspect';
import type { PassesWorld } from './passes-world';
import { NOW, expectBalancesMatchLedger, fixClock, passesWorld, sell, tenClassPass, yogaClass } from './passes-world';

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

/** A refusal with its code and field, and nothing written: every table's rows and the change log as they were. */
async function expectRefused(call: string, input: unknown, code: string, field?: string) {
  const before = { rows: rowCounts(api.host.database.sqlite), log: changeLog(api.host.database.sqlite) };
  const error = await api.refuse(call, input);
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
  expect(error.message).not.toBe('');
  expect({ rows: rowCounts(api.host.database.sqlite), log: changeLog(api.host.database.sqlite) }).toEqual(before);
}

/** A valid pass product, with some fields changed (to anything: the point is to refuse it). */
function passInput(over: Record<string, unknown> = {}) {
  const valid: CallInput<'passProducts.create'> = { name: 'Bono 5', credits: 5, sessionTypeIds: [world.yoga], serviceIds: [], validity: { kind: 'days', days: 30 }, priceMinor: 4000 };
  return { ...valid, ...over } as CallInput<'passProducts.create'>;
}

describe('pass and plan products refused', () => {
  it('zero or too many credits', async () => {
    await expectRefused('passProducts.create', passInput({ credits: 0 }), 'out_of_range', 'credits');
    await expectRefused('passProducts.create', passInput({ credits: -3 }), 'out_of_range', 'credits');
    await expectRefused('passProducts.create', passInput({ credits: 2.5 }), 'invalid_type', 'credits');
    await expectRefused('planProducts.create', { name: 'Plan', items: [{ serviceId: world.masaje, quantity: 0 }], validityDays: 30, priceMinor: 100 }, 'out_of_range', 'items.0.quantity');
  });

  it('a negative or fractional price', async () => {
    await expectRefused('passProducts.create', passInput({ priceMinor: -1 }), 'out_of_range', 'priceMinor');
    await expectRefused('passProducts.create', passInput({ priceMinor: 10.5 }), 'invalid_type', 'priceMinor');
    await expectRefused('planProducts.create', { name: 'Plan', items: [{ serviceId: world.masaje, quantity: 1 }], validityDays: 30, priceMinor: -100 }, 'out_of_range', 'priceMinor');
    const pass = await api.call('passProducts.create', passInput());
    await expectRefused('passProducts.update', { id: pass.id, priceMinor: -5 }, 'out_of_range', 'priceMinor');
  });

  it('a pass covering nothing, or unknown session types and services (by index)', async () => {
    await expectRefused('passProducts.create', passInput({ sessionTypeIds: [], serviceIds: [] }), 'pass_covers_nothing', 'sessionTypeIds');
    await expectRefused('passProducts.create', passInput({ sessionTypeIds: [world.yoga, unknownId] }), 'not_found', 'sessionTypeIds.1');
    await expectRefused('passProducts.create', passInput({ serviceIds: [unknownId] }), 'not_found', 'serviceIds.0');
    const pass = await api.call('passProducts.create', passInput());
    await expectRefused('passProducts.update', { id: pass.id, sessionTypeIds: [] }, 'pass_covers_nothing', 'sessionTypeIds');
    await expectRefused('passProducts.update', { id: unknownId, credits: 3 }, 'not_found', 'id');
  });

  it('a duplicate name, a fixed end date already past, no validity at all', async () => {
    await api.call('passProducts.create', passInput());
    await expectRefused('passProducts.create', passInput({ name: 'bono 5' }), 'duplicate_name', 'name');
    await expectRefused('passProducts.create', passInput({ name: 'Bono viejo', validity: { kind: 'until', date: '2027-02-28' } }), 'invalid_date', 'validity.date');
    await expectRefused('passProducts.create', passInput({ name: 'Bono raro', validity: { kind: 'days', days: 0 } }), 'out_of_range', 'validity.days');
    await expectRefused('planProducts.create', { name: 'Plan', items: [], validityDays: 30, priceMinor: 100 }, 'required', 'items');
  });

  it('a plan naming a service twice, or an unknown one', async () => {
    const items = [
      { serviceId: world.masaje, quantity: 1 },
      { serviceId: world.masaje, quantity: 2 },
    ];
    await expectRefused('planProducts.create', { name: 'Plan', items, validityDays: 30, priceMinor: 100 }, 'invalid_input', 'items.1.serviceId');
    await expectRefused('planProducts.create', { name: 'Plan', items: [items[0], { serviceId: unknownId, quantity: 1 }], validityDays: 30, priceMinor: 100 }, 'not_found', 'items.1.serviceId');
  });
});

describe('credits refused', () => {
  async function pendingBooking(clientId: string, date = '2027-03-08') {
    return api.call('sessions.book', { occurrenceId: await yogaClass(api, world, date, '10:00', { title: `Yoga ${clientId.slice(-4)} ${date}` }), clientId });
  }
  async function passOf(clientId: string, over: Parameters<typeof tenClassPass>[2] = {}) {
    const [id] = await sell(api, clientId, { kind: 'pass', passProductId: (await tenClassPass(api, world, over)).id });
    return id!;
  }

  it('redeeming a credit twice', async () => {
    await passOf(world.ana);
    const booking = await pendingBooking(world.ana);
    await api.call('passes.redeem', { target: { kind: 'booking', id: booking.id } });
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: booking.id } }, 'credit_already_redeemed', 'target');
    const own = await api.call('sessions.book', { occurrenceId: await yogaClass(api, world, '2027-03-09', '10:00'), clientId: world.ana, source: 'client' });
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: own.id } }, 'credit_already_redeemed', 'target');
  });

  it('an expired pass, a pass of another client or not covering, one used up', async () => {
    const shortPass = await passOf(world.ana, { validity: { kind: 'days', days: 5 } });
    const booking = await pendingBooking(world.ana);
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: booking.id }, passId: shortPass }, 'pass_expired', 'passId');
    // Nothing else can pay it either.
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: booking.id } }, 'no_valid_pass', 'target');
    const evaPass = await passOf(world.eva, { name: 'Bono Eva' });
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: booking.id }, passId: evaPass }, 'no_valid_pass', 'passId');
    const pilates = await passOf(world.ana, { name: 'Bono pilates', sessionTypeIds: [world.pilates] });
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: booking.id }, passId: pilates }, 'no_valid_pass', 'passId');
    const spent = await passOf(world.ana, { name: 'Bono gastado', credits: 1 });
    await api.call('passes.adjust', { passId: spent, delta: -1, reason: 'Gastado' });
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: booking.id }, passId: spent }, 'insufficient_credits', 'passId');
    // And adjusting an expired pass, once its last day is past.
    fixClock('2027-03-06T09:00:00.000Z');
    await expectRefused('passes.adjust', { passId: shortPass, delta: 1, reason: 'Regalo' }, 'pass_expired', 'passId');
  });

  it('an unknown pass, booking or appointment', async () => {
    const booking = await pendingBooking(world.ana);
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: booking.id }, passId: unknownId }, 'not_found', 'passId');
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: unknownId } }, 'not_found', 'target.id');
    await expectRefused('passes.redeem', { target: { kind: 'appointment', id: unknownId } }, 'not_found', 'target.id');
    await expectRefused('passes.redeem', { target: { kind: 'cita', id: booking.id } }, 'invalid_choice', 'target.kind');
    await expectRefused('passes.adjust', { passId: unknownId, delta: 1, reason: 'x' }, 'not_found', 'passId');
    expect(await api.refuse('passes.ledger', { passId: unknownId })).toMatchObject({ code: 'not_found', field: 'passId' });
    expect(await api.refuse('passes.ofClient', { clientId: unknownId })).toMatchObject({ code: 'not_found', field: 'clientId' });
    expect(await api.refuse('passes.toSchedule', { clientId: unknownId })).toMatchObject({ code: 'not_found', field: 'clientId' });
    expect(await api.refuse('passes.coverage', { clientId: world.ana, serviceIds: [world.masaje, unknownId] })).toMatchObject({ code: 'not_found', field: 'serviceIds.1' });
  });

  it('adjustments: no reason, zero, below zero', async () => {
    const passId = await passOf(world.ana, { credits: 2 });
    await expectRefused('passes.adjust', { passId, delta: 1, reason: '   ' }, 'required', 'reason');
    await expectRefused('passes.adjust', { passId, delta: 0, reason: 'Nada' }, 'invalid_input', 'delta');
    await expectRefused('passes.adjust', { passId, delta: -3, reason: 'Demasiado' }, 'insufficient_credits', 'delta');
  });

  it('a credit not needed, or a policy out of range', async () => {
    const free = await api.call('sessions.book', { occurrenceId: await yogaClass(api, world, '2027-03-08', '12:00', { redeemableWithPasses: false }), clientId: world.ana });
    await expectRefused('passes.redeem', { target: { kind: 'booking', id: free.id } }, 'credit_not_needed', 'target');
    await expectRefused('creditPolicy.update', { cancelWindowHours: -1 }, 'out_of_range', 'cancelWindowHours');
    await expectRefused('creditPolicy.update', { cancelWindowHours: 1.5 }, 'invalid_type', 'cancelWindowHours');
  });
});
