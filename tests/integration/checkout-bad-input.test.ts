import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { unknownId } from '../helpers/agenda-fixtures';
import { addDays } from '../../src-main/engine/time/local-time';
import { createSchedule, madrid } from './appointment-world';
import type { CheckoutWorld } from './checkout-world';
import { NOW, TODAY, cash, checkoutWorld, createPromo, rows } from './checkout-world';
import { changeLog, rowCounts } from './db-inspect';
import { fixClock } from '../helpers/fixed-clock';

let api: TempApi;
let world: CheckoutWorld;
let passProductId: string;
let planProductId: string;
let appointmentId: string;
let bookingId: string;

/** The centre every test starts from: a pass sold, an appointment, a booking, codes expired, used up, for one service. */
async function openWorld(): Promise<void> {
  api = await openTempApi();
  world = await checkoutWorld(api);
  passProductId = (
    await api.call('passProducts.create', { name: 'Bono 5 cortes', credits: 5, sessionTypeIds: [], serviceIds: [world.corte], validity: { kind: 'days', days: 90 }, priceMinor: 8000 })
  ).id;
  planProductId = (await api.call('planProducts.create', { name: 'Plan manos', items: [{ serviceId: world.manicura, quantity: 4 }], validityDays: 60, priceMinor: 6000 })).id;
  await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'pass', passProductId }], payments: cash(8000) });
  await createSchedule(api, world.desk, [world.corte], { redeemableWithPasses: true });
  appointmentId = (await api.call('appointments.book', { clientId: world.ana, staffId: world.desk, serviceId: world.corte, startsAt: madrid(addDays(TODAY, 2), '10:00') })).id;
  const { series } = await api.call('series.create', { title: 'Pilates', organizerId: world.desk, startDate: addDays(TODAY, 3), startTime: '09:00', durationMin: 60, places: 4 });
  const occurrenceId = rows<{ id: string }>(api, 'SELECT id FROM occurrences WHERE series_id = ?', series.id)[0]!.id;
  bookingId = (await api.call('sessions.book', { occurrenceId, clientId: world.eva })).id;

  await createPromo(api, { code: 'PASADA', validFrom: '2026-01-01', validTo: '2027-02-28' });
  await createPromo(api, { code: 'APAGADA', active: false });
  await createPromo(api, { code: 'AGOTADA', maxUses: 1 });
  await createPromo(api, { code: 'UNAVEZ', maxUsesPerClient: 1 });
  await createPromo(api, { code: 'SOLOTINTE', serviceIds: [world.tinte] });
  await api.call('checkout.commit', { clientId: world.luz, lines: [{ kind: 'service', serviceId: world.corte }], promoCode: 'AGOTADA', payments: cash(1620) });
  await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'service', serviceId: world.tinte }], promoCode: 'UNAVEZ', payments: cash(4050) });
}

async function closeWorld(): Promise<void> {
  vi.setSystemTime(new Date(NOW));
  await api.close();
}

// Refusals write nothing (each test proves it), so they share one centre; tests that write open their own.
beforeAll(async () => {
  fixClock(NOW);
  await openWorld();
});
afterAll(async () => {
  await closeWorld();
  vi.useRealTimers();
});

/** Runs `test` on a centre of its own, then returns to the shared one. */
async function onOwnWorld(test: () => Promise<void>): Promise<void> {
  const shared = { api, world, passProductId, planProductId, appointmentId, bookingId };
  await openWorld();
  try {
    await test();
  } finally {
    await closeWorld();
    ({ api, world, passProductId, planProductId, appointmentId, bookingId } = shared);
  }
}
afterEach(() => {
  vi.setSystemTime(new Date(NOW));
});

/** Refused with a message fit for the desk, and not one row of any table changed (change_log included). */
async function refusedWritingNothing(call: string, input: unknown) {
  const sqlite = api.host.database.sqlite;
  const before = rowCounts(sqlite);
  const log = changeLog(sqlite);
  const state = () => ({
    balances: rows(api, 'SELECT id, balance FROM client_passes ORDER BY id'),
    credit: rows(api, 'SELECT id, credit_state, updated_at FROM appointments UNION ALL SELECT id, credit_state, updated_at FROM bookings'),
    sales: rows(api, 'SELECT id, status, updated_at FROM sales ORDER BY number'),
    redemptions: rows(api, 'SELECT id, voided FROM promo_redemptions ORDER BY id'),
  });
  const stateBefore = state();
  const error = await api.refuse(call, input);
  expect(rowCounts(sqlite)).toEqual(before);
  expect(changeLog(sqlite)).toEqual(log);
  expect(state()).toEqual(stateBefore);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/at .+\.ts|Error:|SQLITE|zod/i);
  return { code: error.code, field: error.field };
}

const corte = () => ({ kind: 'service' as const, serviceId: world.corte });

describe('checkout.commit refuses, writing nothing', () => {
  it.each<[string, () => Record<string, unknown>, string, string]>([
    ['a negative payment', () => ({ lines: [corte()], payments: [{ method: 'cash', amountMinor: -1800 }] }), 'out_of_range', 'payments.0.amountMinor'],
    ['a payment of nothing', () => ({ lines: [corte()], payments: [{ method: 'cash', amountMinor: 1800 }, { method: 'card', amountMinor: 0 }] }), 'out_of_range', 'payments.1.amountMinor'],
    ['a fractional payment', () => ({ lines: [corte()], payments: [{ method: 'cash', amountMinor: 1799.5 }] }), 'invalid_type', 'payments.0.amountMinor'],
    ['a payment over the total', () => ({ lines: [corte()], payments: cash(1801) }), 'payment_mismatch', 'payments'],
    ['a payment under the total', () => ({ lines: [corte()], payments: [{ method: 'cash', amountMinor: 1000 }, { method: 'card', amountMinor: 799 }] }), 'payment_mismatch', 'payments'],
    ['no payment', () => ({ lines: [corte()], payments: [] }), 'payment_mismatch', 'payments'],
    ['a payment for a total of 0', () => ({ clientId: world.ana, lines: [corte()], payments: cash(100) }), 'payment_mismatch', 'payments'],
    ['an unknown payment method', () => ({ lines: [corte()], payments: [{ method: 'bitcoin', amountMinor: 1800 }] }), 'invalid_choice', 'payments.0.method'],
    ['no lines', () => ({ lines: [], payments: [] }), 'required', 'lines'],
    ['a quantity of 0', () => ({ lines: [{ ...corte(), quantity: 0 }], payments: [] }), 'out_of_range', 'lines.0.quantity'],
    ['an unknown code', () => ({ lines: [corte()], promoCode: 'NOEXISTE', payments: cash(1620) }), 'promo_unknown', 'promoCode'],
    ['an expired code', () => ({ lines: [corte()], promoCode: 'pasada', payments: cash(1620) }), 'promo_expired', 'promoCode'],
    ['an inactive code', () => ({ lines: [corte()], promoCode: 'APAGADA', payments: cash(1620) }), 'promo_expired', 'promoCode'],
    ['an exhausted code', () => ({ clientId: world.eva, lines: [corte()], promoCode: 'agotada', payments: cash(1620) }), 'promo_exhausted', 'promoCode'],
    ['a code used up by the client', () => ({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.tinte }], promoCode: 'unavez', payments: cash(4050) }), 'promo_client_limit', 'promoCode'],
    ['a per-client code without a client', () => ({ lines: [corte()], promoCode: 'UNAVEZ', payments: cash(1620) }), 'promo_needs_client', 'promoCode'],
    ['a code for another service', () => ({ lines: [corte()], promoCode: 'solotinte', payments: cash(1620) }), 'promo_not_applicable', 'promoCode'],
    ['a code on a pass line only', () => ({ clientId: world.eva, lines: [{ kind: 'pass', passProductId }], promoCode: 'SOLOTINTE', payments: cash(7200) }), 'promo_not_applicable', 'promoCode'],
    ['an unknown client', () => ({ clientId: unknownId, lines: [corte()], payments: cash(1800) }), 'not_found', 'clientId'],
    ['an unknown service', () => ({ lines: [corte(), { kind: 'service', serviceId: unknownId }], payments: cash(3600) }), 'not_found', 'lines.1.serviceId'],
    ['an unknown pass product', () => ({ clientId: world.eva, lines: [{ kind: 'pass', passProductId: unknownId }], payments: cash(8000) }), 'not_found', 'lines.0.passProductId'],
    ['an unknown plan product', () => ({ clientId: world.eva, lines: [corte(), { kind: 'plan', planProductId: unknownId }], payments: cash(7800) }), 'not_found', 'lines.1.planProductId'],
    ['a pass without a client', () => ({ lines: [{ kind: 'pass', passProductId }], payments: cash(8000) }), 'client_required', 'clientId'],
    ['a plan without a client', () => ({ lines: [{ kind: 'plan', planProductId }], payments: cash(6000) }), 'client_required', 'clientId'],
    ['an unknown appointment', () => ({ clientId: world.ana, lines: [{ ...corte(), appointmentId: unknownId }], payments: [] }), 'not_found', 'lines.0.appointmentId'],
    ["another client's appointment", () => ({ clientId: world.eva, lines: [{ ...corte(), appointmentId }], payments: cash(1800) }), 'invalid_input', 'lines.0.appointmentId'],
    ['an appointment for another service', () => ({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.tinte, appointmentId }], payments: cash(4500) }), 'invalid_input', 'lines.0.serviceId'],
    ['the same appointment twice', () => ({ clientId: world.ana, lines: [{ ...corte(), appointmentId }, { ...corte(), appointmentId }], payments: cash(1800) }), 'invalid_input', 'lines.1.appointmentId'],
    ["another client's booking", () => ({ clientId: world.ana, lines: [{ ...corte(), bookingId }], payments: [] }), 'invalid_input', 'lines.0.bookingId'],
    ['a booking without its client', () => ({ lines: [{ ...corte(), bookingId }], payments: cash(1800) }), 'client_required', 'clientId'],
    ['a blacklisted client', () => ({ clientId: world.vetado, lines: [corte()], payments: cash(1800) }), 'client_blacklisted', 'clientId'],
  ])('%s', async (_name, input, code, field) => {
    expect(await refusedWritingNothing('checkout.commit', input())).toEqual({ code, field });
  });

  it('a pass product no longer sold, or past its fixed end date', () =>
    onOwnWorld(async () => {
      const old = await api.call('passProducts.create', { name: 'Bono marzo', credits: 5, sessionTypeIds: [], serviceIds: [world.corte], validity: { kind: 'until', date: '2027-03-15' }, priceMinor: 1000 });
      vi.setSystemTime(new Date('2027-03-16T09:00:00.000Z'));
      expect(await refusedWritingNothing('checkout.commit', { clientId: world.eva, lines: [{ kind: 'pass', passProductId: old.id }], payments: cash(1000) })).toEqual({
        code: 'pass_expired',
        field: 'lines.0.passProductId',
      });
      await api.call('passProducts.update', { id: passProductId, active: false });
      expect(await refusedWritingNothing('checkout.commit', { clientId: world.eva, lines: [{ kind: 'pass', passProductId }], payments: cash(8000) })).toEqual({
        code: 'invalid_choice',
        field: 'lines.0.passProductId',
      });
    }));
});

describe('the same credit is never redeemed twice', () => {
  it('a line for an appointment whose credit was redeemed spends nothing more, and the desk cannot redeem it again', () =>
    onOwnWorld(async () => {
      const [pass] = await api.call('passes.ofClient', { clientId: world.ana });
      await api.call('passes.redeem', { target: { kind: 'appointment', id: appointmentId } });
      expect((await api.call('passes.ofClient', { clientId: world.ana }))[0]!.balance).toBe(pass!.balance - 1);
      const sale = await api.call('checkout.commit', { clientId: world.ana, lines: [{ ...corte(), appointmentId }], payments: [] });
      expect(sale.lines[0]).toMatchObject({ coveredBy: 'pass', totalMinor: 0 });
      expect((await api.call('passes.ofClient', { clientId: world.ana }))[0]!.balance).toBe(pass!.balance - 1);
      expect(await refusedWritingNothing('passes.redeem', { target: { kind: 'appointment', id: appointmentId } })).toEqual({
        code: 'credit_already_redeemed',
        field: 'target',
      });
    }));
});

describe('bad promo codes and sales', () => {
  it.each<[string, string, () => Record<string, unknown>, string, string]>([
    ['a negative amount', 'promos.create', () => ({ code: 'NEGATIVO', kind: 'amount', value: -500 }), 'out_of_range', 'value'],
    ['a percent of 0', 'promos.create', () => ({ code: 'CERO', kind: 'percent', value: 0 }), 'out_of_range', 'value'],
    ['a percent over 100', 'promos.create', () => ({ code: 'MUCHO', kind: 'percent', value: 150 }), 'invalid_percent', 'value'],
    ['a duplicate code', 'promos.create', () => ({ code: 'Pasada', kind: 'percent', value: 5 }), 'duplicate_code', 'code'],
    ['a code with spaces', 'promos.create', () => ({ code: 'DOS PALABRAS', kind: 'percent', value: 5 }), 'invalid_input', 'code'],
    ['an end before the start', 'promos.create', () => ({ code: 'FECHAS', kind: 'percent', value: 5, validFrom: '2027-05-01', validTo: '2027-04-30' }), 'end_before_start', 'validTo'],
    ['an unknown service', 'promos.create', () => ({ code: 'RARO', kind: 'percent', value: 5, serviceIds: [unknownId] }), 'not_found', 'serviceIds.0'],
    ['a zero total limit', 'promos.create', () => ({ code: 'NINGUNO', kind: 'percent', value: 5, maxUses: 0 }), 'out_of_range', 'maxUses'],
    ['an unknown code to attach', 'promos.attach', () => ({ clientId: world.ana, code: 'NOEXISTE' }), 'promo_unknown', 'code'],
    ['an expired code to attach', 'promos.attach', () => ({ clientId: world.ana, code: 'PASADA' }), 'promo_expired', 'code'],
    ['a code used up by the client to attach', 'promos.attach', () => ({ clientId: world.ana, code: 'UNAVEZ' }), 'promo_client_limit', 'code'],
    ['an exhausted code to attach', 'promos.attach', () => ({ clientId: world.ana, code: 'AGOTADA' }), 'promo_exhausted', 'code'],
    ['voiding an unknown sale', 'sales.void', () => ({ id: unknownId, reason: 'x' }), 'not_found', 'id'],
    ['voiding without a reason', 'sales.void', () => ({ id: rows<{ id: string }>(api, 'SELECT id FROM sales LIMIT 1')[0]!.id, reason: '  ' }), 'required', 'reason'],
    ['a negative service price', 'services.update', () => ({ id: world.corte, priceMinor: -1800 }), 'out_of_range', 'priceMinor'],
  ])('%s', async (_name, call, input, code, field) => {
    expect(await refusedWritingNothing(call, input())).toEqual({ code, field });
  });

  it('voiding a sale twice', () =>
    onOwnWorld(async () => {
      const sale = await api.call('checkout.commit', { lines: [corte()], payments: cash(1800) });
      await api.call('sales.void', { id: sale.id, reason: 'Error' });
      expect(await refusedWritingNothing('sales.void', { id: sale.id, reason: 'Otra vez' })).toEqual({ code: 'sale_voided', field: 'id' });
    }));
});
