import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallInput } from '../../src-shared/api/contract';
import { addDays } from '../../src-main/engine/time/local-time';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { createSchedule, madrid } from './appointment-world';
import type { CheckoutWorld } from './checkout-world';
import { NOW, TODAY, cash, checkoutWorld, createPromo, rows } from './checkout-world';
import { changeLog, rowCounts } from './db-inspect';
import { fixClock } from '../helpers/fixed-clock';

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

type Draft = Omit<CallInput<'checkout.commit'>, 'payments'>;

/** Quotes the draft, then commits it paid in cash for exactly the quoted total. */
async function sell(draft: Draft) {
  const quote = await api.call('checkout.quote', draft);
  return api.call('checkout.commit', { ...draft, payments: cash(quote.totalMinor) });
}

/** A pass covering the services given, sold to the client at checkout (80,00 €): its id. */
async function sellPass(clientId: string, over: Partial<CallInput<'passProducts.create'>> = {}) {
  const product = await api.call('passProducts.create', {
    name: over.name ?? 'Bono 5 cortes',
    credits: 5,
    sessionTypeIds: [],
    serviceIds: [world.corte],
    validity: { kind: 'days', days: 90 },
    priceMinor: 8000,
    ...over,
  });
  const sale = await sell({ clientId, lines: [{ kind: 'pass', passProductId: product.id }] });
  return { productId: product.id, saleId: sale.id, passId: rows<{ id: string }>(api, 'SELECT id FROM client_passes WHERE sale_id = ?', sale.id)[0]!.id };
}

async function balanceOf(clientId: string, passId: string) {
  return (await api.call('passes.ofClient', { clientId, includeExpired: true })).find((p) => p.id === passId)!.balance;
}

describe('a sale at the desk', () => {
  it('a walk-in sale: lines, total, split payment and a numbered receipt with the desk staff', async () => {
    const sale = await api.call('checkout.commit', {
      lines: [{ kind: 'service', serviceId: world.corte, quantity: 2 }, { kind: 'service', serviceId: world.manicura }],
      payments: [
        { method: 'card', amountMinor: 4000 },
        { method: 'cash', amountMinor: 1600 },
      ],
    });
    expect(sale).toMatchObject({
      number: 1,
      status: 'paid',
      clientId: null,
      clientName: null,
      clientBlacklisted: false,
      subtotalMinor: 5600,
      coverageDiscountMinor: 0,
      promoDiscountMinor: 0,
      totalMinor: 5600,
      promoCode: null,
      currency: 'EUR',
      staffName: 'Marta Recepción',
      voidReason: null,
      voidedAt: null,
      createdAt: NOW,
    });
    expect(sale.lines.map((l) => [l.kind, l.itemId, l.description, l.quantity, l.unitPriceMinor, l.totalMinor, l.coveredBy])).toEqual([
      ['service', world.corte, 'Corte', 2, 1800, 3600, null],
      ['service', world.manicura, 'Manicura', 1, 2000, 2000, null],
    ]);
    expect(sale.payments).toEqual([
      { method: 'card', amountMinor: 4000, reference: null },
      { method: 'cash', amountMinor: 1600, reference: null },
    ]);
    expect(await api.call('sales.get', { id: sale.id })).toEqual(sale);
    expect(rows(api, 'SELECT staff_id FROM sales')).toEqual([{ staff_id: world.desk }]);
  });

  it('takes the currency from the centre settings', async () => {
    await api.call('settings.update', { currency: 'CLP' });
    expect((await sell({ lines: [{ kind: 'service', serviceId: world.corte }] })).currency).toBe('CLP');
  });

  it('quote prices exactly what commit writes, and writes nothing', async () => {
    const { passId } = await sellPass(world.ana);
    await createPromo(api, { code: 'DIEZ', serviceIds: [world.tinte] });
    const draft: Draft = {
      clientId: world.ana,
      lines: [{ kind: 'service', serviceId: world.corte }, { kind: 'service', serviceId: world.tinte, quantity: 2 }, { kind: 'service', serviceId: world.manicura }],
      promoCode: 'diez',
    };
    const before = rowCounts(api.host.database.sqlite);
    const quote = await api.call('checkout.quote', draft);
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect(quote).toMatchObject({ clientId: world.ana, clientName: 'Ana Ruiz', subtotalMinor: 1800 + 9000 + 2000, coverageDiscountMinor: 1800, promoDiscountMinor: 900, totalMinor: 10_100, promoCode: 'DIEZ' });
    expect(quote.lines[0]).toMatchObject({ coveredBy: 'pass', clientPassId: passId, coverageDiscountMinor: 1800, totalMinor: 0 });
    const sale = await api.call('checkout.commit', { ...draft, payments: cash(quote.totalMinor) });
    const strip = (lines: typeof quote.lines) => lines.map(({ id: _id, ...rest }) => rest);
    expect(strip(sale.lines)).toEqual(strip(quote.lines));
    expect(sale).toMatchObject({ subtotalMinor: quote.subtotalMinor, coverageDiscountMinor: 1800, promoDiscountMinor: 900, totalMinor: 10_100 });
  });

  it('numbers receipts gap-free from 1; a voided sale keeps its number', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 4; i++) numbers.push((await sell({ lines: [{ kind: 'service', serviceId: world.corte }] })).number);
    const second = (await api.call('sales.list', { from: TODAY, to: TODAY })).find((s) => s.number === 2)!;
    await api.call('sales.void', { id: second.id, reason: 'Cobrado dos veces' });
    numbers.push((await sell({ clientId: world.eva, lines: [{ kind: 'service', serviceId: world.tinte }] })).number);
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    expect(rows<{ number: number; status: string }>(api, 'SELECT number, status FROM sales ORDER BY number').map((r) => `${r.number} ${r.status}`)).toEqual([
      '1 paid',
      '2 voided',
      '3 paid',
      '4 paid',
      '5 paid',
    ]);
  });

  it('a total of 0 needs no payment', async () => {
    const free = (await api.call('services.create', { name: 'Diagnóstico', durationMin: 15, priceMinor: 0 })).id;
    const sale = await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: free }], payments: [] });
    expect(sale).toMatchObject({ totalMinor: 0, payments: [] });
  });
});

describe('passes and plans at checkout', () => {
  it('sells a pass, then the client books a class with it and checkout charges nothing more for it', async () => {
    const yoga = (await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 })).id;
    const clase = (await api.call('services.create', { name: 'Clase de yoga', durationMin: 60, priceMinor: 1200 })).id;
    const product = await api.call('passProducts.create', {
      name: 'Bono 10 clases',
      credits: 10,
      sessionTypeIds: [yoga],
      serviceIds: [],
      validity: { kind: 'days', days: 90 },
      priceMinor: 8000,
    });
    const sale = await api.call('checkout.commit', { clientId: world.ana, lines: [{ kind: 'pass', passProductId: product.id }], payments: [{ method: 'card', amountMinor: 8000 }] });
    expect(sale.lines[0]).toMatchObject({ kind: 'pass', itemId: product.id, description: 'Bono 10 clases', totalMinor: 8000, coveredBy: null });
    const [pass] = await api.call('passes.ofClient', { clientId: world.ana });
    expect(pass).toMatchObject({ kind: 'pass', name: 'Bono 10 clases', creditsTotal: 10, balance: 10, validFrom: TODAY, validUntil: addDays(TODAY, 89), saleId: sale.id });

    const { series } = await api.call('series.create', {
      title: 'Yoga',
      organizerId: world.desk,
      sessionTypeId: yoga,
      startDate: addDays(TODAY, 3),
      startTime: '18:00',
      durationMin: 60,
      places: 8,
      redeemableWithPasses: true,
    });
    const occurrenceId = rows<{ id: string }>(api, 'SELECT id FROM occurrences WHERE series_id = ?', series.id)[0]!.id;
    const booking = await api.call('sessions.book', { occurrenceId, clientId: world.ana, source: 'client' });
    expect(booking).toMatchObject({ creditState: 'redeemed', clientPassId: pass!.id });
    expect(await balanceOf(world.ana, pass!.id)).toBe(9);

    // Charged at the desk: covered by the credit the booking already spent, nothing spent again.
    const charged = await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: clase, bookingId: booking.id }] });
    expect(charged.lines[0]).toMatchObject({ bookingId: booking.id, coveredBy: 'pass', clientPassId: pass!.id, coverageDiscountMinor: 1200, totalMinor: 0 });
    expect(charged.totalMinor).toBe(0);
    expect(await balanceOf(world.ana, pass!.id)).toBe(9);
    expect(rows(api, "SELECT kind FROM credit_ledger WHERE kind = 'redemption'")).toHaveLength(1);
  });

  it('pays a booking still lacking its credit with one, but spends nothing for a client still waiting', async () => {
    const yoga = (await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 })).id;
    const clase = (await api.call('services.create', { name: 'Clase de yoga', durationMin: 60, priceMinor: 1200 })).id;
    const { passId } = await sellPass(world.ana, { name: 'Bono yoga', sessionTypeIds: [yoga], serviceIds: [] });
    const yogaClass = async (days: number) => {
      const { series } = await api.call('series.create', {
        title: 'Yoga',
        organizerId: world.desk,
        sessionTypeId: yoga,
        startDate: addDays(TODAY, days),
        startTime: '18:00',
        durationMin: 60,
        places: 1,
        redeemableWithPasses: true,
      });
      return rows<{ id: string }>(api, 'SELECT id FROM occurrences WHERE series_id = ?', series.id)[0]!.id;
    };
    // Booked by the desk: the credit is pending until paid.
    const pending = await api.call('sessions.book', { occurrenceId: await yogaClass(3), clientId: world.ana });
    expect(pending.creditState).toBe('pending');
    const full = await yogaClass(4);
    await api.call('sessions.book', { occurrenceId: full, clientId: world.eva });
    const waiting = await api.call('sessions.book', { occurrenceId: full, clientId: world.ana });
    expect(waiting.status).toBe('waitlisted');

    const sale = await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: clase, bookingId: pending.id }] });
    expect(sale.lines[0]).toMatchObject({ coveredBy: 'pass', clientPassId: passId, totalMinor: 0 });
    expect(rows(api, 'SELECT credit_state, client_pass_id FROM bookings WHERE id = ?', pending.id)).toEqual([{ credit_state: 'redeemed', client_pass_id: passId }]);
    expect(rows(api, "SELECT booking_id, sale_id FROM credit_ledger WHERE kind = 'redemption'")).toEqual([{ booking_id: pending.id, sale_id: sale.id }]);

    const later = await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: clase, bookingId: waiting.id }] });
    expect(later.lines[0]).toMatchObject({ coveredBy: null, totalMinor: 1200 });
    expect(await balanceOf(world.ana, passId)).toBe(4);
  });

  it('a pass credit pays a service line; voiding the sale gives it back and empties passes it sold', async () => {
    const { passId } = await sellPass(world.ana);
    const promo = await createPromo(api, { code: 'TINTE10', serviceIds: [world.tinte] });
    const bono = await api.call('passProducts.create', { name: 'Bono manicura', credits: 3, sessionTypeIds: [], serviceIds: [world.manicura], validity: { kind: 'days', days: 30 }, priceMinor: 5000 });
    const sale = await sell({
      clientId: world.ana,
      lines: [{ kind: 'service', serviceId: world.corte }, { kind: 'service', serviceId: world.tinte }, { kind: 'pass', passProductId: bono.id }],
      promoCode: 'Tinte10',
    });
    expect(sale).toMatchObject({ number: 2, subtotalMinor: 1800 + 4500 + 5000, coverageDiscountMinor: 1800, promoDiscountMinor: 450, totalMinor: 9050, promoCode: 'TINTE10' });
    expect(await balanceOf(world.ana, passId)).toBe(4);
    const sold = rows<{ id: string }>(api, 'SELECT id FROM client_passes WHERE sale_id = ?', sale.id)[0]!.id;
    expect(await balanceOf(world.ana, sold)).toBe(3);
    expect(rows(api, "SELECT client_pass_id, sale_id, delta FROM credit_ledger WHERE kind = 'redemption'")).toEqual([{ client_pass_id: passId, sale_id: sale.id, delta: -1 }]);
    expect(rows(api, 'SELECT promo_id, client_id, sale_id, discount_minor, voided FROM promo_redemptions')).toEqual([
      { promo_id: promo.id, client_id: world.ana, sale_id: sale.id, discount_minor: 450, voided: 0 },
    ]);

    vi.setSystemTime(new Date(Date.parse(NOW) + 600_000));
    const voided = await api.call('sales.void', { id: sale.id, reason: 'Se equivocó de servicio' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: 'Se equivocó de servicio', voidedAt: new Date(Date.parse(NOW) + 600_000).toISOString(), number: 2, totalMinor: 9050 });
    expect(await balanceOf(world.ana, passId)).toBe(5);
    expect(await balanceOf(world.ana, sold)).toBe(0);
    expect(rows(api, 'SELECT voided FROM promo_redemptions')).toEqual([{ voided: 1 }]);
    expect((await api.call('promos.list', {}))[0]!.uses).toBe(0);
    // Never deleted: the sale, its lines and payments stay.
    expect(await api.call('sales.get', { id: sale.id })).toMatchObject({ status: 'voided', lines: sale.lines, payments: sale.payments });
    expect(await api.refuse('sales.void', { id: sale.id, reason: 'Otra vez' })).toMatchObject({ code: 'sale_voided', field: 'id' });
  });

  it('a plan line pays before a pass, one credit per line; each credit is spent once in a sale', async () => {
    const plan = await api.call('planProducts.create', { name: 'Plan novia', items: [{ serviceId: world.corte, quantity: 1 }, { serviceId: world.tinte, quantity: 1 }], validityDays: 60, priceMinor: 5000 });
    await sell({ clientId: world.eva, lines: [{ kind: 'plan', planProductId: plan.id }] });
    const { passId } = await sellPass(world.eva, { credits: 1 });
    const sale = await sell({
      clientId: world.eva,
      lines: [
        { kind: 'service', serviceId: world.corte },
        { kind: 'service', serviceId: world.corte, quantity: 2 },
        { kind: 'service', serviceId: world.corte },
        { kind: 'service', serviceId: world.tinte, useCredit: false },
        { kind: 'service', serviceId: world.tinte },
      ],
    });
    expect(sale.lines.map((l) => [l.coveredBy, l.coverageDiscountMinor, l.totalMinor])).toEqual([
      ['plan', 1800, 0],
      ['pass', 1800, 1800],
      [null, 0, 1800],
      [null, 0, 4500],
      ['plan', 4500, 0],
    ]);
    expect(sale.lines[1]!.clientPassId).toBe(passId);
    const passes = await api.call('passes.ofClient', { clientId: world.eva });
    expect(passes.map((p) => [p.kind, p.name, p.balance]).sort()).toEqual([
      ['pass', 'Bono 5 cortes', 0],
      ['plan', 'Corte', 0],
      ['plan', 'Tinte', 0],
    ]);
  });

  it("charging an appointment spends its credit and marks it redeemed; voiding leaves it pending again", async () => {
    await createSchedule(api, world.desk, [world.corte], { redeemableWithPasses: true });
    const day = addDays(TODAY, 2);
    const appointment = await api.call('appointments.book', { clientId: world.luz, staffId: world.desk, serviceId: world.corte, startsAt: madrid(day, '10:00') });
    expect(appointment.creditState).not.toBe('redeemed');
    const { passId } = await sellPass(world.luz);
    const sale = await sell({ clientId: world.luz, lines: [{ kind: 'service', serviceId: world.corte, appointmentId: appointment.id }] });
    expect(sale.lines[0]).toMatchObject({ appointmentId: appointment.id, coveredBy: 'pass', clientPassId: passId, totalMinor: 0 });
    expect(await api.call('appointments.get', { appointmentId: appointment.id })).toMatchObject({ creditState: 'redeemed', clientPassId: passId });
    expect(rows(api, "SELECT appointment_id, sale_id FROM credit_ledger WHERE kind = 'redemption'")).toEqual([{ appointment_id: appointment.id, sale_id: sale.id }]);
    expect(await balanceOf(world.luz, passId)).toBe(4);

    // A second sale for it is covered by that credit: nothing is spent twice.
    const again = await sell({ clientId: world.luz, lines: [{ kind: 'service', serviceId: world.corte, appointmentId: appointment.id }] });
    expect(again.lines[0]).toMatchObject({ coveredBy: 'pass', totalMinor: 0 });
    expect(await balanceOf(world.luz, passId)).toBe(4);

    await api.call('sales.void', { id: sale.id, reason: 'Anulada' });
    expect(await balanceOf(world.luz, passId)).toBe(5);
    expect(await api.call('appointments.get', { appointmentId: appointment.id })).toMatchObject({ creditState: 'pending', clientPassId: null });
  });
});

describe('blacklisted clients at checkout', () => {
  it('are flagged by the quote and sold to only when the desk accepts', async () => {
    const draft: Draft = { clientId: world.vetado, lines: [{ kind: 'service', serviceId: world.corte }] };
    expect(await api.call('checkout.quote', draft)).toMatchObject({ clientBlacklisted: true, clientName: 'Bruno Vetado', totalMinor: 1800 });
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('checkout.commit', { ...draft, payments: cash(1800) })).toMatchObject({ code: 'client_blacklisted', field: 'clientId' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    const sale = await api.call('checkout.commit', { ...draft, payments: cash(1800), acceptBlacklisted: true });
    expect(sale).toMatchObject({ clientBlacklisted: true, totalMinor: 1800 });
    expect(JSON.parse(changeLog(api.host.database.sqlite).at(-1)!.changes)).toMatchObject({ acceptedBlacklisted: true });
  });
});

describe('sales.list', () => {
  it("lists a range of local days newest first, or one client's", async () => {
    const first = await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.corte }] });
    vi.setSystemTime(new Date('2027-03-02T22:30:00.000Z')); // 23:30 on 2 March in Madrid
    const second = await sell({ clientId: world.eva, lines: [{ kind: 'service', serviceId: world.tinte }] });
    vi.setSystemTime(new Date('2027-03-02T23:30:00.000Z')); // 00:30 on 3 March in Madrid
    const third = await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.manicura }] });
    expect((await api.call('sales.list', { from: '2027-03-01', to: '2027-03-03' })).map((s) => s.id)).toEqual([third.id, second.id, first.id]);
    expect((await api.call('sales.list', { from: '2027-03-02', to: '2027-03-02' })).map((s) => s.id)).toEqual([second.id]);
    expect((await api.call('sales.list', { from: '2027-03-01', to: '2027-03-31', clientId: world.ana })).map((s) => s.number)).toEqual([3, 1]);
    const [listed] = await api.call('sales.list', { from: '2027-03-03', to: '2027-03-03' });
    expect(listed).toEqual(await api.call('sales.get', { id: third.id }));
    expect(await api.call('sales.list', { from: '2026-01-01', to: '2027-01-01' })).toEqual([]);
  });

  it('refuses more than 366 days and an end before the start', async () => {
    expect((await api.call('sales.list', { from: '2027-01-01', to: '2028-01-01' })).length).toBe(0);
    expect(await api.refuse('sales.list', { from: '2027-01-01', to: '2028-01-02' })).toMatchObject({ code: 'range_too_long', field: 'to' });
    expect(await api.refuse('sales.list', { from: '2027-03-02', to: '2027-03-01' })).toMatchObject({ code: 'end_before_start', field: 'to' });
  });
});

describe('clients.stats', () => {
  it('average spend of sales not voided, future bookings and the last visit', async () => {
    expect(await api.call('clients.stats', { clientId: world.ana })).toEqual({ averageSpendMinor: null, salesCount: 0, futureBookings: 0, lastVisit: null });
    await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.corte }] });
    await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.manicura }] });
    const voided = await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.tinte }] });
    await api.call('sales.void', { id: voided.id, reason: 'Error' });
    await sell({ clientId: world.ana, lines: [{ kind: 'service', serviceId: world.corte, quantity: 2 }, { kind: 'service', serviceId: world.manicura }] });
    await sell({ clientId: world.eva, lines: [{ kind: 'service', serviceId: world.tinte }] });

    await createSchedule(api, world.desk, [world.corte]);
    const past = await api.call('appointments.book', { clientId: world.ana, staffId: world.desk, serviceId: world.corte, startsAt: madrid(addDays(TODAY, 1), '10:00') });
    const attended = await api.call('appointments.book', { clientId: world.ana, staffId: world.desk, serviceId: world.corte, startsAt: madrid(addDays(TODAY, 2), '10:00') });
    await api.call('appointments.book', { clientId: world.ana, staffId: world.desk, serviceId: world.corte, startsAt: madrid(addDays(TODAY, 4), '10:00') });
    const cancelled = await api.call('appointments.book', { clientId: world.ana, staffId: world.desk, serviceId: world.corte, startsAt: madrid(addDays(TODAY, 5), '10:00') });
    await api.call('appointments.cancel', { appointmentId: cancelled.id });
    const { series } = await api.call('series.create', { title: 'Pilates', organizerId: world.desk, startDate: addDays(TODAY, 6), startTime: '09:00', durationMin: 60, places: 1 });
    const occurrenceId = rows<{ id: string }>(api, 'SELECT id FROM occurrences WHERE series_id = ?', series.id)[0]!.id;
    await api.call('sessions.book', { occurrenceId, clientId: world.eva });
    await api.call('sessions.book', { occurrenceId, clientId: world.ana }); // waitlisted

    // Three days later: the first appointment is past (still booked), the second attended.
    vi.setSystemTime(new Date(madrid(addDays(TODAY, 2), '12:00')));
    await api.call('appointments.setStatus', { appointmentId: attended.id, status: 'attended' });
    const stats = await api.call('clients.stats', { clientId: world.ana });
    // (1800 + 2000 + 5600) / 3 = 3133.33
    expect(stats).toEqual({ averageSpendMinor: 3133, salesCount: 3, futureBookings: 2, lastVisit: attended.startsAt });
    await api.call('appointments.setStatus', { appointmentId: attended.id, status: 'no_show' });
    expect((await api.call('clients.stats', { clientId: world.ana })).lastVisit).toBe(past.startsAt);
  });
});
