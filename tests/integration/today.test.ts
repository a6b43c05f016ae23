import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';
import { changeLog } from './db-inspect';

let api: TempApi;
let world: AppointmentWorld;

/** Monday 1 March 2027, 09:00 in Madrid (only Date is faked); the board is of Tuesday. */
const MONDAY = '2027-03-01';
const TUESDAY = '2027-03-02';

beforeEach(async () => {
  fixClock('2027-03-01T08:00:00.000Z');
  api = await openTempApi();
  world = await appointmentWorld(api, 5);
  await createSchedule(api, world.ana, [world.corte, world.tinte], { ranges: everyDay(['09:00', '14:00']) });
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const c = (i: number) => world.clients[i]!;
const book = (client: number, date: string, time: string) =>
  api.call('appointments.book', { clientId: c(client), staffId: world.ana, serviceId: world.corte, startsAt: madrid(date, time) });

async function tuesdayClass() {
  const { series } = await api.call('series.create', {
    title: 'Pilates',
    organizerId: world.bea,
    startDate: TUESDAY,
    startTime: '10:00',
    durationMin: 60,
    places: 6,
  });
  const [occurrence] = (await api.call('agenda.range', { from: TUESDAY, to: TUESDAY })).occurrences.filter((o) => o.seriesId === series.id);
  return occurrence!.id;
}

describe('the Hoy board (today.board)', () => {
  it('lists the day’s session places and appointments in time order with their flags, and follows each status change', async () => {
    // This test is about the day rule; check-in's window before the start is tested in restrictions.test.ts.
    await api.call('settings.update', { checkInMinutesBefore: 1440 });
    const occurrenceId = await tuesdayClass();
    const b0 = await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    const b1 = await api.call('sessions.book', { occurrenceId, clientId: c(1) });
    const early = await book(2, TUESDAY, '09:00');
    const late = await book(3, TUESDAY, '11:00');
    // Cliente 02 came on Monday: not a first visit on Tuesday.
    const monday = await book(1, MONDAY, '12:00');
    await api.call('appointments.setStatus', { appointmentId: monday.id, status: 'attended' });
    await api.call('clients.update', { id: c(0), notes: 'Alergia al látex' });
    // Another day stays off the board.
    await book(4, '2027-03-03', '10:00');

    const board = await api.call('today.board', { date: TUESDAY });
    expect(board.date).toBe(TUESDAY);
    expect(board.entries.map((e) => [e.kind, e.time, e.clientName, e.status])).toEqual([
      ['appointment', '09:00', 'Cliente 03', 'expected'],
      ['session', '10:00', 'Cliente 01', 'expected'],
      ['session', '10:00', 'Cliente 02', 'expected'],
      ['appointment', '11:00', 'Cliente 04', 'expected'],
    ]);
    const byId = (id: string) => board.entries.find((e) => e.id === id)!;
    expect(byId(b0.id)).toMatchObject({ occurrenceId, what: 'Pilates', professional: 'Bea Estilista', notes: 'Alergia al látex', firstVisit: true, paid: false });
    expect(byId(b1.id)).toMatchObject({ notes: null, firstVisit: false });
    expect(byId(early.id)).toMatchObject({ what: 'Corte', professional: 'Ana Estilista', staffId: world.ana, phone: expect.any(String), creditState: 'none' });

    // Tuesday 11:30: check-in is open.
    fixClock('2027-03-02T10:30:00.000Z');
    expect((await api.call('today.board', {})).date).toBe(TUESDAY);
    const statusOf = async (id: string) => (await api.call('today.board', {})).entries.find((e) => e.id === id)!;

    await api.call('sessions.setAttendance', { bookingId: b0.id, status: 'attended', stage: 'arrived' });
    const arrived = await statusOf(b0.id);
    expect(arrived).toMatchObject({ status: 'arrived', inServiceAt: null, doneAt: null });
    expect(arrived.checkedInAt).not.toBeNull();
    fixClock('2027-03-02T10:40:00.000Z');
    await api.call('sessions.setAttendance', { bookingId: b0.id, status: 'attended', stage: 'in_service' });
    const inService = await statusOf(b0.id);
    // The arrival time is kept.
    expect(inService).toMatchObject({ status: 'in_service', checkedInAt: arrived.checkedInAt });
    expect(inService.inServiceAt).not.toBeNull();
    await api.call('sessions.setAttendance', { bookingId: b0.id, status: 'attended', stage: 'done' });
    expect(await statusOf(b0.id)).toMatchObject({ status: 'done', checkedInAt: arrived.checkedInAt, inServiceAt: inService.inServiceAt });
    // Back to expected clears it all.
    await api.call('sessions.setAttendance', { bookingId: b0.id, status: 'booked' });
    expect(await statusOf(b0.id)).toMatchObject({ status: 'expected', checkedInAt: null, inServiceAt: null, doneAt: null });

    await api.call('sessions.setAttendance', { bookingId: b1.id, status: 'no_show' });
    await api.call('appointments.setStatus', { appointmentId: early.id, status: 'attended', stage: 'in_service' });
    await api.call('appointments.cancel', { appointmentId: late.id });
    const after = await api.call('today.board', {});
    expect(after.entries.map((e) => [e.clientName, e.status])).toEqual([
      ['Cliente 03', 'in_service'],
      ['Cliente 01', 'expected'],
      ['Cliente 02', 'no_show'],
      ['Cliente 04', 'cancelled'],
    ]);

    // Charged at the Caja: paid.
    const quote = await api.call('checkout.quote', { clientId: c(2), lines: [{ kind: 'service', serviceId: world.corte, appointmentId: early.id }] });
    await api.call('checkout.commit', {
      clientId: c(2),
      lines: [{ kind: 'service', serviceId: world.corte, appointmentId: early.id }],
      payments: [{ method: 'cash', amountMinor: quote.totalMinor }],
    });
    expect(await statusOf(early.id)).toMatchObject({ paid: true, status: 'in_service' });

    // The stages went through the one write path: in the change log with their stage.
    const entries = changeLog(api.host.database.sqlite).filter((row) => row.entity_id === b0.id && row.call === 'sessions.setAttendance');
    expect(entries.map((row) => (JSON.parse(row.changes) as { stage?: string }).stage ?? null)).toEqual(['arrived', 'in_service', 'done', null]);
  });

  it('refuses a stage without attended, check-in before the day and a date that does not exist', async () => {
    const occurrenceId = await tuesdayClass();
    const booking = await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    const appointment = await book(1, TUESDAY, '09:00');
    expect(await api.refuse('sessions.setAttendance', { bookingId: booking.id, status: 'no_show', stage: 'done' })).toMatchObject({ code: 'invalid_input', field: 'stage' });
    expect(await api.refuse('appointments.setStatus', { appointmentId: appointment.id, status: 'booked', stage: 'arrived' })).toMatchObject({
      code: 'invalid_input',
      field: 'stage',
    });
    expect(await api.refuse('appointments.setStatus', { appointmentId: appointment.id, status: 'attended', stage: 'in_service' })).toMatchObject({
      code: 'invalid_status_change',
    });
    expect(await api.refuse('today.board', { date: '2027-02-30' })).toMatchObject({ code: 'invalid_date', field: 'date' });
  });

  it('answers 150 entries in one set of queries, fast', async () => {
    const clients: string[] = [];
    for (let i = 0; i < 150; i++) clients.push((await api.call('clients.create', { firstName: `Persona ${i}`, phone: `6001${String(i).padStart(5, '0')}` })).client.id);
    for (let s = 0; s < 10; s++) {
      const { series } = await api.call('series.create', { title: `Clase ${s}`, organizerId: world.bea, startDate: TUESDAY, startTime: `${String(8 + s).padStart(2, '0')}:00`, durationMin: 50, places: 12 });
      const occurrence = (await api.call('agenda.range', { from: TUESDAY, to: TUESDAY })).occurrences.find((o) => o.seriesId === series.id)!;
      for (let k = 0; k < 10; k++) await api.call('sessions.book', { occurrenceId: occurrence.id, clientId: clients[s * 10 + k]! });
    }
    for (let k = 0; k < 50; k++) {
      const minutes = 9 * 60 + k * 5;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      await api.call('appointments.book', { clientId: clients[100 + k]!, staffId: world.carla, serviceId: world.corte, startsAt: madrid(TUESDAY, time), override: true });
    }
    await api.call('today.board', { date: TUESDAY });
    const started = performance.now();
    const board = await api.call('today.board', { date: TUESDAY });
    const took = performance.now() - started;
    expect(board.entries).toHaveLength(150);
    const starts = board.entries.map((e) => e.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(took).toBeLessThan(100);
  });
});
