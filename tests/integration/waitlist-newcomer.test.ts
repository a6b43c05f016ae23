import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { AgendaWorld } from '../helpers/agenda-fixtures';
import { agendaWorld, createSeries, occurrencesOf } from '../helpers/agenda-fixtures';

let api: TempApi;
let world: AgendaWorld;
beforeEach(async () => {
  api = await openTempApi();
  world = await agendaWorld(api, 5);
});
afterEach(async () => {
  await api.close();
});

const c = (i: number) => world.clients[i]!;

describe('a place freed while people wait', () => {
  it('goes to the waitlist: a newcomer who books then queues behind the clients already waiting', async () => {
    const { series } = await createSeries(api, world.ana, { places: 2 });
    const occurrenceId = occurrencesOf(api, series.id)[0]!.id;
    const book = (i: number) => api.call('sessions.book', { occurrenceId, clientId: c(i) });
    const booked = [await book(0), await book(1)];
    const waiting = [await book(2), await book(3)];
    expect(waiting.map((w) => [w.status, w.waitlistPosition])).toEqual([
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);

    // A place frees up: both waiting clients are told, and nobody is moved into it by itself.
    const { booking, notified } = await api.call('sessions.cancelBooking', { bookingId: booked[0]!.id });
    expect(booking).toMatchObject({ status: 'cancelled', waitlistPosition: null });
    expect(notified.map((n) => [n.bookingId, n.waitlistPosition])).toEqual([
      [waiting[0]!.id, 1],
      [waiting[1]!.id, 2],
    ]);

    // The newcomer does not take the free place: third in line.
    const newcomer = await book(4);
    expect(newcomer).toMatchObject({ clientId: c(4), status: 'waitlisted', waitlistPosition: 3, overPlaces: false });
    const detail = await api.call('sessions.get', { occurrenceId });
    expect(detail.occurrence).toMatchObject({ places: 2, bookedCount: 1, waitlistCount: 3 });
    expect(detail.waitlist.map((w) => [w.clientId, w.status, w.waitlistPosition])).toEqual([
      [c(2), 'waitlisted', 1],
      [c(3), 'waitlisted', 2],
      [c(4), 'waitlisted', 3],
    ]);

    // The place is taken from the waitlist; the newcomer moves up behind the one still waiting.
    expect(await api.call('sessions.completeBooking', { bookingId: waiting[0]!.id })).toMatchObject({ status: 'booked', waitlistPosition: null });
    const after = await api.call('sessions.get', { occurrenceId });
    expect(after.occurrence).toMatchObject({ bookedCount: 2, waitlistCount: 2 });
    expect(after.waitlist.map((w) => [w.clientId, w.waitlistPosition])).toEqual([
      [c(3), 1],
      [c(4), 2],
    ]);
  });
});
