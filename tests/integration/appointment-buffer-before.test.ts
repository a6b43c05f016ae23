import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { fixClock } from '../helpers/fixed-clock';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, madrid } from './appointment-world';

let api: TempApi;
let world: AppointmentWorld;

/** Monday 1 March 2027, 09:00 in Madrid; the bookings are a week later. */
const NOW = '2027-03-01T08:00:00.000Z';
const MONDAY = '2027-03-08';

beforeEach(async () => {
  api = await openTempApi();
  world = await appointmentWorld(api, 2);
  fixClock(NOW);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

describe('the buffer before an appointment', () => {
  it('refuses a start whose buffer before reaches back into an earlier appointment; the first start clear of it is booked', async () => {
    // 60-minute colours with 15 minutes kept free before each, none after.
    await createSchedule(api, world.ana, [world.tinte], { durationMin: 60, bufferBeforeMin: 15, bufferAfterMin: 0, ranges: [{ weekday: 1, start: '09:00', end: '14:00' }] });
    const book = (clientId: string, time: string) => ({ clientId, staffId: world.ana, serviceId: world.tinte, startsAt: madrid(MONDAY, time) });
    const first = await api.call('appointments.book', book(world.clients[0]!, '10:00'));
    expect(first).toMatchObject({ localStart: '10:00', localEnd: '11:00', bufferBeforeMin: 15, bufferAfterMin: 0, status: 'booked' });

    // A start s keeps [s − 15, s + 60) free: up to 11:14 that reaches back before 11:00, into the first one.
    for (const time of ['11:00', '11:05', '11:14']) {
      expect(await api.refuse('appointments.book', book(world.clients[1]!, time)), time).toMatchObject({ code: 'slot_taken', field: 'startsAt' });
    }
    const second = await api.call('appointments.book', book(world.clients[1]!, '11:15'));
    expect(second).toMatchObject({ localStart: '11:15', localEnd: '12:15', status: 'booked', overridden: [] });

    // The offered slots say the same: 09:00 would end inside 10:00's buffer (09:45); the next free start is
    // 12:30, whose 15 minutes before are clear of 11:15–12:15, and the last is 13:00 (the hours end at 14:00).
    const free = await api.call('slots.find', { serviceId: world.tinte, staffId: world.ana, from: MONDAY, to: MONDAY, stepMin: 15 });
    expect(free.map((s) => s.localStart)).toEqual(['12:30', '12:45', '13:00']);
  });
});
