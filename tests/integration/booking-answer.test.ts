import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Booking } from '../../src-shared/domain/agenda';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { PassesWorld } from './passes-world';
import { NOW, fixClock, passesWorld, sell, tenClassPass, yogaClass } from './passes-world';

/**
 * sessions.book answers the booking it wrote without reading it back (the commit path's saving):
 * the answer must be exactly what a later read of that booking shows, in every state it can have.
 */
let api: TempApi;
let world: PassesWorld;
beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await passesWorld(api);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

async function asRead(occurrenceId: string, bookingId: string): Promise<Booking | undefined> {
  const read = await api.call('sessions.get', { occurrenceId });
  return [...read.bookings, ...read.waitlist].find((b) => b.id === bookingId);
}

describe('sessions.book answers what a read shows', () => {
  it('booked, waitlisted and paid with a pass; a client with notes, a phone and messages withdrawn', async () => {
    const product = await tenClassPass(api, world, { name: 'Bono' });
    const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: product.id });
    await api.call('clients.update', { id: world.eva, notes: 'Alergia al látex', phone: '612345678' });
    await api.call('consents.record', { clientId: world.eva, purpose: 'appointment_messages', granted: false, method: 'in_person' });
    const occurrenceId = await yogaClass(api, world, '2027-03-08', '10:00', { places: 1 });

    const paid = await api.call('sessions.book', { occurrenceId, clientId: world.ana, source: 'client' });
    const waiting = await api.call('sessions.book', { occurrenceId, clientId: world.eva });
    const overPlaces = await api.call('sessions.book', { occurrenceId, clientId: world.luz, overPlaces: true });

    expect(paid).toMatchObject({ status: 'booked', creditState: 'redeemed', clientPassId: passId });
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, hasNotes: true, messagesAllowed: false, phone: '+34612345678' });
    expect(overPlaces).toMatchObject({ status: 'booked', overPlaces: true });
    for (const answered of [paid, waiting, overPlaces]) expect(answered).toEqual(await asRead(occurrenceId, answered.id));
  });
});
