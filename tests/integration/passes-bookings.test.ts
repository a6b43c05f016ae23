import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { everyDay } from './appointment-world';
import { changeLog, rowCounts } from './db-inspect';
import type { PassesWorld } from './passes-world';
import { NOW, TODAY, balanceOf, expectBalancesMatchLedger, fixClock, ledgerKinds, madrid, passesWorld, sell, tenClassPass, yogaClass } from './passes-world';

let api: TempApi;
let world: PassesWorld;

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await passesWorld(api);
});
afterEach(async () => {
  // After every flow: each pass's balance is the sum of its ledger rows.
  expectBalancesMatchLedger(api);
  vi.useRealTimers();
  await api.close();
});

const NEXT_WEEK = '2027-03-08';

let products = 0;
async function passFor(clientId: string, over: Parameters<typeof tenClassPass>[2] = {}): Promise<string> {
  const product = await tenClassPass(api, world, { name: `Bono ${++products}`, ...over });
  const [passId] = await sell(api, clientId, { kind: 'pass', passProductId: product.id });
  return passId!;
}

/** Everything in the file, and the change log: compared before and after a refusal. */
function snapshot() {
  return { rows: rowCounts(api.host.database.sqlite), log: changeLog(api.host.database.sqlite).length };
}

describe('a 10-class pass on session bookings', () => {
  it('book (9), cancel in time (10), book late and cancel late (forfeited, 9), no-show (forfeited) and its undo', async () => {
    const passId = await passFor(world.ana);
    const nextWeek = await yogaClass(api, world, NEXT_WEEK, '10:00');

    const booked = await api.call('sessions.book', { occurrenceId: nextWeek, clientId: world.ana, source: 'client' });
    expect(booked).toMatchObject({ status: 'booked', creditState: 'redeemed', clientPassId: passId });
    expect(await balanceOf(api, world.ana, passId)).toBe(9);

    const cancelled = await api.call('sessions.cancelBooking', { bookingId: booked.id });
    expect(cancelled.booking).toMatchObject({ status: 'cancelled', creditState: 'refunded', clientPassId: passId });
    expect(await balanceOf(api, world.ana, passId)).toBe(10);

    // Six hours ahead: inside the 12-hour window.
    const thisAfternoon = await yogaClass(api, world, TODAY, '15:00');
    const late = await api.call('sessions.book', { occurrenceId: thisAfternoon, clientId: world.ana, source: 'client' });
    expect(await balanceOf(api, world.ana, passId)).toBe(9);
    expect((await api.call('sessions.cancelBooking', { bookingId: late.id })).booking.creditState).toBe('forfeited');
    expect(await balanceOf(api, world.ana, passId)).toBe(9);

    // The desk books and redeems at once; the client does not come.
    const thisMorning = await yogaClass(api, world, TODAY, '10:00');
    const missed = await api.call('sessions.book', { occurrenceId: thisMorning, clientId: world.ana, redeemPass: true });
    expect(missed.creditState).toBe('redeemed');
    expect(await balanceOf(api, world.ana, passId)).toBe(8);
    expect(await api.call('sessions.setAttendance', { bookingId: missed.id, status: 'no_show' })).toMatchObject({ status: 'no_show', creditState: 'forfeited' });
    expect(await balanceOf(api, world.ana, passId)).toBe(8);
    // A mistake: undone, the credit is simply redeemed again (it was never given back).
    expect(await api.call('sessions.setAttendance', { bookingId: missed.id, status: 'booked' })).toMatchObject({ status: 'booked', creditState: 'redeemed' });
    expect(await balanceOf(api, world.ana, passId)).toBe(8);

    expect(ledgerKinds(api, passId)).toEqual([
      ['sale', 10],
      ['redemption', -1],
      ['refund', 1],
      ['redemption', -1],
      ['redemption', -1],
    ]);
    const ledger = await api.call('passes.ledger', { passId });
    expect(ledger.filter((e) => e.kind !== 'sale').map((e) => e.bookingId)).toEqual([booked.id, booked.id, late.id, missed.id]);
    expect(ledger.every((e) => e.staffName === 'Marta Recepción')).toBe(true);
  });

  it('gives a missed class back when the centre does not forfeit no-shows; undone, the credit is spent again', async () => {
    // This test is about the day rule; check-in's window before the start is tested in restrictions.test.ts.
    await api.call('settings.update', { checkInMinutesBefore: 1440 });
    await api.call('creditPolicy.update', { noShowForfeits: false });
    const passId = await passFor(world.ana);
    const occurrenceId = await yogaClass(api, world, TODAY, '11:00');
    const booking = await api.call('sessions.book', { occurrenceId, clientId: world.ana, source: 'client' });
    expect(await api.call('sessions.setAttendance', { bookingId: booking.id, status: 'no_show' })).toMatchObject({ creditState: 'refunded' });
    expect(await balanceOf(api, world.ana, passId)).toBe(10);
    expect(await api.call('sessions.setAttendance', { bookingId: booking.id, status: 'attended' })).toMatchObject({ creditState: 'redeemed', clientPassId: passId });
    expect(await balanceOf(api, world.ana, passId)).toBe(9);
    // Attended and booked do not touch the credit.
    await api.call('sessions.setAttendance', { bookingId: booking.id, status: 'booked' });
    expect(await balanceOf(api, world.ana, passId)).toBe(9);
  });

  it('a late cancellation gives the credit back when the centre does not forfeit them', async () => {
    await api.call('creditPolicy.update', { lateCancelForfeits: false });
    const passId = await passFor(world.ana);
    const booking = await api.call('sessions.book', { occurrenceId: await yogaClass(api, world, TODAY, '12:00'), clientId: world.ana, source: 'client' });
    expect((await api.call('sessions.cancelBooking', { bookingId: booking.id })).booking.creditState).toBe('refunded');
    expect(await balanceOf(api, world.ana, passId)).toBe(10);
  });

  it('spends the pass expiring first', async () => {
    const later = await passFor(world.ana, { validity: { kind: 'days', days: 60 } });
    const sooner = await passFor(world.ana, { validity: { kind: 'days', days: 20 } });
    const booking = await api.call('sessions.book', { occurrenceId: await yogaClass(api, world, NEXT_WEEK, '10:00'), clientId: world.ana, source: 'client' });
    expect(booking.clientPassId).toBe(sooner);
    // Past the sooner one's last day, the later one pays.
    const afterIt = await api.call('sessions.book', { occurrenceId: await yogaClass(api, world, '2027-03-25', '10:00'), clientId: world.ana, source: 'client' });
    expect(afterIt.clientPassId).toBe(later);
  });
});

describe('the centre cancels a class', () => {
  it('gives every spent credit back, whatever the window; a pending one is no longer owed', async () => {
    const passId = await passFor(world.ana);
    const soon = await yogaClass(api, world, TODAY, '15:00');
    const paid = await api.call('sessions.book', { occurrenceId: soon, clientId: world.ana, source: 'client' });
    const pending = await api.call('sessions.book', { occurrenceId: soon, clientId: world.eva });
    expect(pending.creditState).toBe('pending');
    expect(await balanceOf(api, world.ana, passId)).toBe(9);
    // Six hours ahead, inside the window: had the client cancelled, the credit would be lost.
    await api.call('series.cancel', { occurrenceId: soon, scope: 'occurrence' });
    expect(await balanceOf(api, world.ana, passId)).toBe(10);
    const detail = await api.call('sessions.get', { occurrenceId: soon });
    expect(detail.bookings.find((b) => b.id === paid.id)?.creditState).toBe('refunded');
    expect(detail.bookings.find((b) => b.id === pending.id)?.creditState).toBe('none');
    expect(await api.call('passes.pending', {})).toEqual([]);
  });
});

describe('a pending credit charged in money at the Caja', () => {
  it('no longer waits for a credit; voiding the sale makes it owed again', async () => {
    const nextWeek = await yogaClass(api, world, NEXT_WEEK, '10:00');
    const booking = await api.call('sessions.book', { occurrenceId: nextWeek, clientId: world.ana });
    expect(booking.creditState).toBe('pending');
    const line = { kind: 'service' as const, serviceId: world.manicura, bookingId: booking.id, useCredit: false };
    const sale = await api.call('checkout.commit', { clientId: world.ana, lines: [line], payments: [{ method: 'cash', amountMinor: 2000 }] });
    const stateOf = async () => (await api.call('sessions.get', { occurrenceId: nextWeek })).bookings.find((b) => b.id === booking.id)?.creditState;
    expect(await stateOf()).toBe('none');
    expect(await api.call('passes.pending', {})).toEqual([]);
    await api.call('sales.void', { id: sale.id, reason: 'Error de cobro' });
    expect(await stateOf()).toBe('pending');
    expect((await api.call('passes.pending', {})).map((p) => p.id)).toEqual([booking.id]);
  });
});

describe('bookings without a credit', () => {
  it('refuses a client booking with no valid covering pass, writing nothing', async () => {
    const occurrenceId = await yogaClass(api, world, NEXT_WEEK, '10:00');
    // Luz holds a pilates pass only, and Eva's yoga pass is used up.
    await passFor(world.luz, { sessionTypeIds: [world.pilates] });
    const evaPass = await passFor(world.eva, { credits: 1 });
    await api.call('passes.adjust', { passId: evaPass, delta: -1, reason: 'Gastada' });
    const before = snapshot();
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.luz, source: 'client' })).toMatchObject({ code: 'no_valid_pass', field: 'clientId' });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.eva, source: 'client' })).toMatchObject({ code: 'no_valid_pass' });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.ana, redeemPass: true })).toMatchObject({ code: 'no_valid_pass', field: 'redeemPass' });
    // A class after the pass's last day.
    const anaPass = await passFor(world.ana, { validity: { kind: 'days', days: 5 } });
    const afterPass = await yogaClass(api, world, '2027-03-06', '10:00');
    const mid = snapshot();
    expect(await api.refuse('sessions.book', { occurrenceId: afterPass, clientId: world.ana, source: 'client' })).toMatchObject({ code: 'no_valid_pass' });
    expect(snapshot()).toEqual(mid);
    expect(await balanceOf(api, world.ana, anaPass)).toBe(10);
    expect(before.rows.bookings).toBe(0);
    expect(snapshot().rows.bookings).toBe(0);
  });

  it('needs no credit in a session not redeemable with passes', async () => {
    const passId = await passFor(world.ana);
    const occurrenceId = await yogaClass(api, world, NEXT_WEEK, '10:00', { redeemableWithPasses: false });
    expect(await api.call('sessions.book', { occurrenceId, clientId: world.luz, source: 'client' })).toMatchObject({ creditState: 'none', clientPassId: null });
    expect(await api.call('sessions.book', { occurrenceId, clientId: world.ana, source: 'client' })).toMatchObject({ creditState: 'none' });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.eva, redeemPass: true })).toMatchObject({ code: 'credit_not_needed', field: 'redeemPass' });
    expect(await balanceOf(api, world.ana, passId)).toBe(10);
  });
});

describe('desk bookings: credit pending, redeemed by hand (seed 001 §5)', () => {
  it('lists what lacks its credit, redeems it from the pass expiring first or the one chosen, and never twice', async () => {
    const passId = await passFor(world.eva);
    const nextWeek = await yogaClass(api, world, NEXT_WEEK, '10:00');
    const tomorrow = await yogaClass(api, world, '2027-03-02', '18:00', { title: 'Yoga tarde' });
    const first = await api.call('sessions.book', { occurrenceId: nextWeek, clientId: world.eva });
    const second = await api.call('sessions.book', { occurrenceId: tomorrow, clientId: world.eva });
    const luz = await api.call('sessions.book', { occurrenceId: tomorrow, clientId: world.luz });
    expect([first.creditState, second.creditState, luz.creditState]).toEqual(['pending', 'pending', 'pending']);
    expect(await balanceOf(api, world.eva, passId)).toBe(10);

    const pending = await api.call('passes.pending', {});
    expect(pending).toEqual([
      { kind: 'booking', id: second.id, clientId: world.eva, clientName: 'Eva Gil', what: 'Yoga tarde', startsAt: madrid('2027-03-02', '18:00'), usablePassIds: [passId] },
      { kind: 'booking', id: luz.id, clientId: world.luz, clientName: 'Luz Mora', what: 'Yoga tarde', startsAt: madrid('2027-03-02', '18:00'), usablePassIds: [] },
      { kind: 'booking', id: first.id, clientId: world.eva, clientName: 'Eva Gil', what: 'Yoga', startsAt: madrid(NEXT_WEEK, '10:00'), usablePassIds: [passId] },
    ]);
    expect((await api.call('passes.pending', { clientId: world.luz })).map((p) => p.id)).toEqual([luz.id]);

    expect(await api.call('passes.redeem', { target: { kind: 'booking', id: second.id } })).toMatchObject({ id: passId, balance: 9 });
    expect(await api.call('passes.redeem', { target: { kind: 'booking', id: first.id }, passId })).toMatchObject({ balance: 8 });
    expect((await api.call('sessions.get', { occurrenceId: nextWeek })).bookings[0]).toMatchObject({ creditState: 'redeemed', clientPassId: passId });
    const before = snapshot();
    expect(await api.refuse('passes.redeem', { target: { kind: 'booking', id: first.id } })).toMatchObject({ code: 'credit_already_redeemed', field: 'target' });
    expect(await api.refuse('passes.redeem', { target: { kind: 'booking', id: luz.id } })).toMatchObject({ code: 'no_valid_pass', field: 'target' });
    expect(await api.refuse('passes.redeem', { target: { kind: 'booking', id: luz.id }, passId })).toMatchObject({ code: 'no_valid_pass', field: 'passId' });
    expect(snapshot()).toEqual(before);
    expect((await api.call('passes.pending', {})).map((p) => p.id)).toEqual([luz.id]);

    // A pending booking cancelled owes nothing any more.
    expect((await api.call('sessions.cancelBooking', { bookingId: luz.id })).booking.creditState).toBe('none');
    expect(await api.call('passes.pending', {})).toEqual([]);
    expect(await api.refuse('passes.redeem', { target: { kind: 'booking', id: luz.id } })).toMatchObject({ code: 'credit_not_needed' });
  });

  it('redeems a pass bought after the booking, for a class within its validity', async () => {
    const booking = await api.call('sessions.book', { occurrenceId: await yogaClass(api, world, NEXT_WEEK, '10:00'), clientId: world.luz });
    expect((await api.call('passes.pending', { clientId: world.luz }))[0]!.usablePassIds).toEqual([]);
    const passId = await passFor(world.luz);
    expect((await api.call('passes.pending', { clientId: world.luz }))[0]!.usablePassIds).toEqual([passId]);
    await api.call('passes.redeem', { target: { kind: 'booking', id: booking.id } });
    expect(await balanceOf(api, world.luz, passId)).toBe(9);
  });
});

describe('waitlists', () => {
  it('spends nothing while waiting; the promotion spends the credit in its own transaction', async () => {
    const passId = await passFor(world.ana);
    const occurrenceId = await yogaClass(api, world, NEXT_WEEK, '10:00', { places: 1 });
    const luz = await api.call('sessions.book', { occurrenceId, clientId: world.luz });
    const ana = await api.call('sessions.book', { occurrenceId, clientId: world.ana, source: 'client' });
    expect(ana).toMatchObject({ status: 'waitlisted', creditState: 'pending', clientPassId: null });
    expect(await balanceOf(api, world.ana, passId)).toBe(10);
    // Waiting is not owing: the pending list leaves the waitlist out, and redeeming by hand waits too.
    expect((await api.call('passes.pending', {})).map((p) => p.id)).toEqual([luz.id]);
    expect(await api.refuse('passes.redeem', { target: { kind: 'booking', id: ana.id } })).toMatchObject({ code: 'invalid_status_change' });

    await api.call('sessions.cancelBooking', { bookingId: luz.id });
    expect(await api.call('sessions.completeBooking', { bookingId: ana.id })).toMatchObject({ status: 'booked', creditState: 'redeemed', clientPassId: passId });
    expect(await balanceOf(api, world.ana, passId)).toBe(9);
  });

  it('refuses the promotion when no credit remains, writing nothing; a desk booking without the intent stays pending', async () => {
    const passId = await passFor(world.ana, { credits: 1 });
    const full = await yogaClass(api, world, NEXT_WEEK, '10:00', { places: 1 });
    const other = await yogaClass(api, world, NEXT_WEEK, '12:00');
    const eva = await api.call('sessions.book', { occurrenceId: full, clientId: world.eva });
    const ana = await api.call('sessions.book', { occurrenceId: full, clientId: world.ana, source: 'client' });
    const luz = await api.call('sessions.book', { occurrenceId: full, clientId: world.luz });
    expect([ana.status, luz.status]).toEqual(['waitlisted', 'waitlisted']);
    // Ana spends her only credit elsewhere while waiting.
    await api.call('sessions.book', { occurrenceId: other, clientId: world.ana, source: 'client' });
    expect(await balanceOf(api, world.ana, passId)).toBe(0);

    await api.call('sessions.cancelBooking', { bookingId: eva.id });
    const before = snapshot();
    expect(await api.refuse('sessions.completeBooking', { bookingId: ana.id })).toMatchObject({ code: 'no_valid_pass', field: 'bookingId' });
    expect(snapshot()).toEqual(before);
    expect(await api.call('sessions.completeBooking', { bookingId: luz.id })).toMatchObject({ status: 'booked', creditState: 'pending' });
  });

  it('a client joining a waitlist must hold a usable credit', async () => {
    const occurrenceId = await yogaClass(api, world, NEXT_WEEK, '10:00', { places: 1 });
    await api.call('sessions.book', { occurrenceId, clientId: world.eva });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.luz, source: 'client' })).toMatchObject({ code: 'no_valid_pass' });
  });
});

describe('appointments', () => {
  async function schedule(serviceIds: string[], redeemableWithPasses: boolean) {
    return api.call('schedules.create', {
      staffId: world.profe,
      name: redeemableWithPasses ? 'Cabina bonos' : 'Cabina',
      durationMin: 30,
      serviceIds,
      ranges: everyDay(['09:00', '20:00']),
      redeemableWithPasses,
    });
  }
  async function planFor(clientId: string, serviceId: string, quantity: number) {
    const plan = await api.call('planProducts.create', { name: `Plan ${clientId.slice(-5)}`, items: [{ serviceId, quantity }], validityDays: 30, priceMinor: 9000 });
    const [lineId] = await sell(api, clientId, { kind: 'plan', planProductId: plan.id });
    return lineId!;
  }

  it('a plan covering the service pays the appointment, whatever the schedule says; cancelled in time it comes back', async () => {
    await schedule([world.masaje], false);
    const planLine = await planFor(world.eva, world.masaje, 2);
    const own = await api.call('appointments.book', { clientId: world.eva, staffId: world.profe, serviceId: world.masaje, startsAt: madrid(NEXT_WEEK, '10:00'), source: 'client' });
    expect(own).toMatchObject({ creditState: 'redeemed', clientPassId: planLine });
    expect(await balanceOf(api, world.eva, planLine)).toBe(1);

    // The desk books: pending, redeemed by hand from the plan.
    const desk = await api.call('appointments.book', { clientId: world.eva, staffId: world.profe, serviceId: world.masaje, startsAt: madrid(NEXT_WEEK, '11:00') });
    expect(desk.creditState).toBe('pending');
    expect(await api.call('passes.pending', { clientId: world.eva })).toEqual([
      { kind: 'appointment', id: desk.id, clientId: world.eva, clientName: 'Eva Gil', what: 'Masaje', startsAt: madrid(NEXT_WEEK, '11:00'), usablePassIds: [planLine] },
    ]);
    expect(await api.call('passes.redeem', { target: { kind: 'appointment', id: desk.id } })).toMatchObject({ id: planLine, balance: 0 });
    expect(await api.call('passes.toSchedule', { clientId: world.eva })).toEqual([]);

    expect(await api.call('appointments.cancel', { appointmentId: own.id })).toMatchObject({ status: 'cancelled', creditState: 'refunded' });
    expect(await balanceOf(api, world.eva, planLine)).toBe(1);
    // Without a plan and on a schedule not redeemable with passes, nothing is owed.
    expect(
      await api.call('appointments.book', { clientId: world.luz, staffId: world.profe, serviceId: world.masaje, startsAt: madrid(NEXT_WEEK, '12:00'), source: 'client' }),
    ).toMatchObject({ creditState: 'none' });
  });

  it('a sale that paid an appointment with a plan unit, voided after the appointment was cancelled, gives nothing back twice', async () => {
    await schedule([world.masaje], false);
    const planLine = await planFor(world.eva, world.masaje, 2);
    const desk = await api.call('appointments.book', { clientId: world.eva, staffId: world.profe, serviceId: world.masaje, startsAt: madrid(NEXT_WEEK, '10:00') });
    const line = { kind: 'service' as const, serviceId: world.masaje, appointmentId: desk.id };
    const sale = await api.call('checkout.commit', { clientId: world.eva, lines: [line], payments: [] });
    expect(sale.lines[0]).toMatchObject({ coveredBy: 'plan', clientPassId: planLine, totalMinor: 0 });
    expect((await api.call('appointments.get', { appointmentId: desk.id })).creditState).toBe('redeemed');
    expect(await balanceOf(api, world.eva, planLine)).toBe(1);
    // Cancelled in time: the unit comes back once.
    await api.call('appointments.cancel', { appointmentId: desk.id });
    expect(await balanceOf(api, world.eva, planLine)).toBe(2);
    await api.call('sales.void', { id: sale.id, reason: 'Cobro duplicado' });
    expect(await balanceOf(api, world.eva, planLine)).toBe(2);
  });

  it('moved beyond the plan validity, an appointment gives the unit back and owes nothing on a schedule passes do not pay', async () => {
    await schedule([world.masaje], false);
    const planLine = await planFor(world.eva, world.masaje, 2);
    const own = await api.call('appointments.book', { clientId: world.eva, staffId: world.profe, serviceId: world.masaje, startsAt: madrid(NEXT_WEEK, '10:00'), source: 'client' });
    expect(await balanceOf(api, world.eva, planLine)).toBe(1);
    // Within the 30 days: the same unit keeps paying it.
    const moved = await api.call('appointments.reschedule', { appointmentId: own.id, startsAt: madrid(NEXT_WEEK, '12:00') });
    expect(moved).toMatchObject({ creditState: 'redeemed', clientPassId: planLine });
    expect(await balanceOf(api, world.eva, planLine)).toBe(1);
    const far = await api.call('appointments.reschedule', { appointmentId: own.id, startsAt: madrid('2027-04-12', '10:00') });
    expect(far).toMatchObject({ creditState: 'none', clientPassId: null });
    expect(await balanceOf(api, world.eva, planLine)).toBe(2);
  });

  it('a pass pays only on a schedule redeemable with passes, after any plan', async () => {
    await schedule([world.masaje], false);
    await schedule([world.manicura], true);
    const passId = await passFor(world.ana, { sessionTypeIds: [], serviceIds: [world.masaje, world.manicura] });
    const notRedeemable = await api.call('appointments.book', { clientId: world.ana, staffId: world.profe, serviceId: world.masaje, startsAt: madrid(NEXT_WEEK, '10:00'), source: 'client' });
    expect(notRedeemable.creditState).toBe('none');
    const before = snapshot();
    expect(
      await api.refuse('appointments.book', { clientId: world.ana, staffId: world.profe, serviceId: world.masaje, startsAt: madrid(NEXT_WEEK, '11:00'), redeemPass: true }),
    ).toMatchObject({ code: 'no_valid_pass', field: 'redeemPass' });
    expect(await api.refuse('appointments.book', { clientId: world.luz, staffId: world.profe, serviceId: world.manicura, startsAt: madrid(NEXT_WEEK, '11:00'), source: 'client' })).toMatchObject({
      code: 'no_valid_pass',
      field: 'clientId',
    });
    expect(snapshot()).toEqual(before);

    const redeemable = await api.call('appointments.book', { clientId: world.ana, staffId: world.profe, serviceId: world.manicura, startsAt: madrid(NEXT_WEEK, '12:00'), source: 'client' });
    expect(redeemable).toMatchObject({ creditState: 'redeemed', clientPassId: passId });
    const planLine = await planFor(world.ana, world.manicura, 1);
    const withPlan = await api.call('appointments.book', { clientId: world.ana, staffId: world.profe, serviceId: world.manicura, startsAt: madrid(NEXT_WEEK, '13:00'), redeemPass: true });
    expect(withPlan.clientPassId).toBe(planLine);
  });

  it('no-show forfeits; a late cancellation forfeits', async () => {
    // This test is about the day rule; check-in's window before the start is tested in restrictions.test.ts.
    await api.call('settings.update', { checkInMinutesBefore: 1440 });
    await schedule([world.manicura], true);
    const passId = await passFor(world.ana, { sessionTypeIds: [], serviceIds: [world.manicura] });
    const today = await api.call('appointments.book', { clientId: world.ana, staffId: world.profe, serviceId: world.manicura, startsAt: madrid(TODAY, '12:00'), source: 'client' });
    expect(await api.call('appointments.setStatus', { appointmentId: today.id, status: 'no_show' })).toMatchObject({ creditState: 'forfeited' });
    expect(await api.call('appointments.setStatus', { appointmentId: today.id, status: 'attended' })).toMatchObject({ creditState: 'redeemed' });
    const late = await api.call('appointments.book', { clientId: world.ana, staffId: world.profe, serviceId: world.manicura, startsAt: madrid(TODAY, '16:00'), source: 'client' });
    expect(await api.call('appointments.cancel', { appointmentId: late.id })).toMatchObject({ creditState: 'forfeited' });
    expect(await balanceOf(api, world.ana, passId)).toBe(8);
  });
});

describe('passes redeemed in the figures', () => {
  it('counts redemptions minus refunds written in the range', async () => {
    await passFor(world.ana);
    await passFor(world.eva);
    const a = await yogaClass(api, world, NEXT_WEEK, '10:00');
    const b = await yogaClass(api, world, NEXT_WEEK, '12:00');
    const anaA = await api.call('sessions.book', { occurrenceId: a, clientId: world.ana, source: 'client' });
    await api.call('sessions.book', { occurrenceId: b, clientId: world.ana, source: 'client' });
    const evaA = await api.call('sessions.book', { occurrenceId: a, clientId: world.eva });
    await api.call('passes.redeem', { target: { kind: 'booking', id: evaA.id } });
    await api.call('sessions.cancelBooking', { bookingId: anaA.id });
    const march = await api.call('agenda.figures', { from: '2027-03-01', to: '2027-03-31' });
    expect(march.passesRedeemed).toBe(2);
    expect((await api.call('agenda.figures', { from: '2027-02-01', to: '2027-02-28' })).passesRedeemed).toBe(0);
    expect((await api.call('agenda.figures', { from: '2027-03-01', to: '2027-03-31', staffIds: [world.profe] })).passesRedeemed).toBe(2);
    expect((await api.call('agenda.figures', { from: '2027-03-01', to: '2027-03-31', staffIds: [world.desk] })).passesRedeemed).toBe(0);
  });
});
