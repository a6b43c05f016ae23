import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { occurrencesOf, unknownId } from '../helpers/agenda-fixtures';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';
import { fixClock } from '../helpers/fixed-clock';

let api: TempApi;
let world: AppointmentWorld;

/** Monday 1 March 2027, 09:00 in Madrid (only Date is faked). */
const NOW = '2027-03-01T08:00:00.000Z';
const MONDAY = '2027-03-08';
const TUESDAY = '2027-03-09';

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await appointmentWorld(api, 4);
  await createSchedule(api, world.ana, [world.corte, world.tinte], { ranges: everyDay(['09:00', '14:00']) });
  await createSchedule(api, world.bea, [world.corte], { ranges: everyDay(['09:00', '14:00']) });
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const c = (i: number) => world.clients[i]!;
const book = (client: number, staffId: string, date: string, time: string, serviceId = world.corte) =>
  api.call('appointments.book', { clientId: c(client), staffId, serviceId, startsAt: madrid(date, time) });

describe('appointments on the agenda', () => {
  it('agenda.range lists the appointments that hold their time, filtered by professional, kind and recurrence', async () => {
    const a1 = await book(0, world.ana, MONDAY, '10:00');
    const b1 = await book(1, world.bea, MONDAY, '09:00');
    const a2 = await book(2, world.ana, TUESDAY, '11:00');
    const cancelled = await book(3, world.ana, MONDAY, '12:00');
    await api.call('appointments.cancel', { appointmentId: cancelled.id });
    // Late the day before, overriding the hours: it runs into Monday, so Monday shows it.
    const late = await api.call('appointments.book', { clientId: c(3), staffId: world.bea, serviceId: world.corte, startsAt: madrid('2027-03-07', '23:45'), override: true });
    const { series } = await api.call('series.create', {
      title: 'Yoga',
      organizerId: world.ana,
      startDate: MONDAY,
      startTime: '18:00',
      durationMin: 60,
      places: 5,
      recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } },
    });

    const day = await api.call('agenda.range', { from: MONDAY, to: MONDAY });
    expect(day.appointments.map((a) => a.id)).toEqual([late.id, b1.id, a1.id]);
    expect(day.appointments[2]).toMatchObject({ clientName: 'Cliente 01', staffName: 'Ana Estilista', serviceName: 'Corte', localStart: '10:00', localEnd: '10:30' });
    expect(day.occurrences.map((o) => o.seriesId)).toEqual([series.id]);

    const week = await api.call('agenda.range', { from: MONDAY, to: '2027-03-14' });
    expect(week.appointments.map((a) => a.id)).toEqual([late.id, b1.id, a1.id, a2.id]);
    expect((await api.call('agenda.range', { from: MONDAY, to: '2027-03-14', staffIds: [world.ana] })).appointments.map((a) => a.id)).toEqual([a1.id, a2.id]);
    expect((await api.call('agenda.range', { from: MONDAY, to: '2027-03-14', staffIds: [] })).appointments).toEqual([]);

    const onlyAppointments = await api.call('agenda.range', { from: MONDAY, to: '2027-03-14', kinds: ['appointment'] });
    expect(onlyAppointments.appointments).toHaveLength(4);
    expect(onlyAppointments.occurrences).toEqual([]);
    expect((await api.call('agenda.range', { from: MONDAY, to: '2027-03-14', kinds: ['session', 'birthday'] })).appointments).toEqual([]);
    // Appointments are one-offs.
    const oneOff = await api.call('agenda.range', { from: MONDAY, to: '2027-03-14', recurrence: 'one_off' });
    expect(oneOff.appointments).toHaveLength(4);
    expect(oneOff.occurrences).toEqual([]);
    const recurring = await api.call('agenda.range', { from: MONDAY, to: '2027-03-14', recurrence: 'recurring' });
    expect(recurring.appointments).toEqual([]);
    expect(recurring.occurrences).toHaveLength(1);
  });

  it('agenda.figures counts the appointments starting in the range, and the cancelled ones', async () => {
    await book(0, world.ana, MONDAY, '10:00');
    await book(1, world.bea, MONDAY, '10:00');
    const gone = await book(2, world.ana, TUESDAY, '10:00');
    await api.call('appointments.cancel', { appointmentId: gone.id, reason: 'Viaje' });
    await book(3, world.ana, '2027-03-15', '10:00');

    expect(await api.call('agenda.figures', { from: MONDAY, to: '2027-03-14' })).toMatchObject({ appointments: 2, cancelledAppointments: 1, totalSessions: 0 });
    expect(await api.call('agenda.figures', { from: MONDAY, to: '2027-03-14', staffIds: [world.bea] })).toMatchObject({ appointments: 1, cancelledAppointments: 0 });
    expect(await api.call('agenda.figures', { from: MONDAY, to: '2027-03-31', staffIds: [world.ana] })).toMatchObject({ appointments: 2, cancelledAppointments: 1 });
    expect(await api.call('agenda.figures', { from: MONDAY, to: '2027-03-31', staffIds: [] })).toMatchObject({ appointments: 0, cancelledAppointments: 0 });
  });

  it('agenda.dailyList merges appointments with session places in time order', async () => {
    await api.call('clients.update', { id: c(1), notes: 'Piel sensible' });
    const { series } = await api.call('series.create', { title: 'Pilates', organizerId: world.bea, startDate: MONDAY, startTime: '10:00', durationMin: 60, places: 4 });
    const occurrenceId = occurrencesOf(api, series.id)[0]!.id;
    await api.call('sessions.book', { occurrenceId, clientId: c(2) });
    await api.call('sessions.book', { occurrenceId, clientId: c(3) });
    const early = await book(0, world.ana, MONDAY, '09:00');
    const colour = await book(1, world.ana, MONDAY, '11:30', world.tinte);
    const cancelled = await book(0, world.ana, MONDAY, '13:00');
    await api.call('appointments.cancel', { appointmentId: cancelled.id });
    await api.call('appointments.setStatus', { appointmentId: early.id, status: 'booked' });

    const list = await api.call('agenda.dailyList', { date: MONDAY });
    expect(list.rows.map((r) => [r.time, r.kind, r.what, r.clientName])).toEqual([
      ['09:00', 'appointment', 'Corte', 'Cliente 01'],
      ['10:00', 'session', 'Pilates', 'Cliente 03'],
      ['10:00', 'session', 'Pilates', 'Cliente 04'],
      ['11:30', 'appointment', 'Tinte', 'Cliente 02'],
    ]);
    expect(list.rows[3]).toEqual({
      kind: 'appointment',
      startsAt: colour.startsAt,
      time: '11:30',
      endTime: colour.localEnd,
      places: null,
      occurrenceId: null,
      appointmentId: colour.id,
      what: 'Tinte',
      professional: 'Ana Estilista',
      clientId: c(1),
      clientName: 'Cliente 02',
      phone: '+34612345002',
      status: 'booked',
      notes: 'Piel sensible',
    });
    expect(list.rows[1]).toMatchObject({ kind: 'session', occurrenceId, appointmentId: null, places: { held: 2, waiting: 0 } });
    expect((await api.call('agenda.dailyList', { date: MONDAY, staffId: world.bea })).rows.map((r) => r.kind)).toEqual(['session', 'session']);
    expect((await api.call('agenda.dailyList', { date: MONDAY, staffId: world.ana })).rows.map((r) => r.appointmentId)).toEqual([early.id, colour.id]);
  });

  it("clients.history lists a client's appointments and session bookings, newest first", async () => {
    const { series } = await api.call('series.create', { title: 'Pilates', organizerId: world.bea, startDate: TUESDAY, startTime: '18:00', durationMin: 60, places: 4 });
    const occurrenceId = occurrencesOf(api, series.id)[0]!.id;
    const booking = await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    const first = await book(0, world.ana, MONDAY, '10:00');
    const second = await book(0, world.bea, '2027-03-10', '09:30');
    await api.call('appointments.cancel', { appointmentId: first.id, reason: 'Cambio de planes' });
    await book(1, world.ana, MONDAY, '11:00');

    const history = await api.call('clients.history', { clientId: c(0) });
    expect(history.appointments.map((a) => [a.id, a.status])).toEqual([
      [second.id, 'booked'],
      [first.id, 'cancelled'],
    ]);
    expect(history.appointments[1]).toMatchObject({ cancelReason: 'Cambio de planes', serviceName: 'Corte', staffName: 'Ana Estilista' });
    expect(history.bookings).toEqual([
      {
        bookingId: booking.id,
        occurrenceId,
        title: 'Pilates',
        staffName: 'Bea Estilista',
        startsAt: madrid(TUESDAY, '18:00'),
        localDate: TUESDAY,
        localStart: '18:00',
        status: 'booked',
      },
    ]);
    expect(await api.call('clients.history', { clientId: c(3) })).toEqual({ appointments: [], bookings: [] });
    expect(await api.refuse('clients.history', { clientId: unknownId })).toMatchObject({ code: 'not_found', field: 'clientId' });
  });
});
