import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { changeLog } from './db-inspect';
import type { PassesWorld } from './passes-world';
import { NOW, fixClock, passesWorld, sell, tenClassPass, yogaClass } from './passes-world';

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

const NEXT_WEEK = '2027-03-08';

describe('sessions.eligibility: what the pickers show before the desk books', () => {
  it('names the blacklisted, the clients without the session tags (and which), and those without a valid pass', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    const morning = await api.call('tags.create', { name: 'Mañana' });
    await api.call('clients.addTag', { clientId: world.ana, tagId: vip.id });
    await api.call('clients.addTag', { clientId: world.ana, tagId: morning.id });
    await api.call('clients.addTag', { clientId: world.eva, tagId: morning.id });
    await api.call('clients.setBlacklist', { id: world.luz, blacklisted: true, reason: 'Impagos' });
    const product = await tenClassPass(api, world);
    await sell(api, world.ana, { kind: 'pass', passProductId: product.id });
    const occurrenceId = await yogaClass(api, world, NEXT_WEEK, '10:00', { attendanceMode: 'tags', tagMatch: 'all', tagIds: [vip.id, morning.id] });

    const answer = await api.call('sessions.eligibility', { occurrenceId, clientIds: [world.ana, world.eva, world.luz] });
    expect(answer).toEqual([
      { clientId: world.ana, blacklisted: false, lacksTags: false, missingTags: [], tagMatch: 'all', pass: 'valid', alreadyBooked: false },
      { clientId: world.eva, blacklisted: false, lacksTags: true, missingTags: [vip], tagMatch: 'all', pass: 'none', alreadyBooked: false },
      { clientId: world.luz, blacklisted: true, lacksTags: true, missingTags: [morning, vip], tagMatch: 'all', pass: 'none', alreadyBooked: false },
    ]);

    await api.call('sessions.book', { occurrenceId, clientId: world.ana, redeemPass: true });
    expect((await api.call('sessions.eligibility', { occurrenceId, clientIds: [world.ana] }))[0]).toMatchObject({ alreadyBooked: true });

    // A session open to everyone, not paid with passes: nothing stands in the way but the blacklist.
    const plain = await yogaClass(api, world, NEXT_WEEK, '12:00', { redeemableWithPasses: false });
    expect(await api.call('sessions.eligibility', { occurrenceId: plain, clientIds: [world.eva, world.luz] })).toEqual([
      { clientId: world.eva, blacklisted: false, lacksTags: false, missingTags: [], tagMatch: 'any', pass: 'not_needed', alreadyBooked: false },
      { clientId: world.luz, blacklisted: true, lacksTags: false, missingTags: [], tagMatch: 'any', pass: 'not_needed', alreadyBooked: false },
    ]);
  });

  it('answers the same rules sessions.book applies: a reason books a client without the tags, and it is recorded', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    const occurrenceId = await yogaClass(api, world, NEXT_WEEK, '10:00', { attendanceMode: 'tags', tagIds: [vip.id], redeemableWithPasses: false });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.eva })).toMatchObject({ code: 'tags_not_matched', field: 'overrideReason' });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.eva, overrideReason: '   ' })).toMatchObject({ field: 'overrideReason' });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.eva, source: 'client', overrideReason: 'x' })).toMatchObject({ code: 'not_visible_to_client' });
    const booking = await api.call('sessions.book', { occurrenceId, clientId: world.eva, overrideReason: 'Clase de prueba' });
    expect(booking.status).toBe('booked');
    const entry = changeLog(api.host.database.sqlite).find((e) => e.entity === 'booking' && e.entity_id === booking.id);
    expect(JSON.parse(entry!.changes)).toMatchObject({ overrideReason: 'Clase de prueba' });

    // No valid pass: the desk books with the credit pending (not redeemed), the reason recorded too.
    const paid = await yogaClass(api, world, NEXT_WEEK, '12:00');
    expect(await api.refuse('sessions.book', { occurrenceId: paid, clientId: world.eva, redeemPass: true })).toMatchObject({ code: 'no_valid_pass' });
    const pending = await api.call('sessions.book', { occurrenceId: paid, clientId: world.eva, redeemPass: false, overrideReason: 'Paga el bono mañana' });
    expect(pending.creditState).toBe('pending');

    // Blacklisted: no reason overrides it.
    await api.call('clients.setBlacklist', { id: world.luz, blacklisted: true });
    expect(await api.refuse('sessions.book', { occurrenceId: paid, clientId: world.luz, overrideReason: 'Por favor' })).toMatchObject({ code: 'client_blacklisted' });
  });

  it('refuses unknown ids and bad lists with clear errors', async () => {
    const occurrenceId = await yogaClass(api, world, NEXT_WEEK, '10:00');
    expect(await api.refuse('sessions.eligibility', { occurrenceId, clientIds: [] })).toMatchObject({ field: 'clientIds' });
    expect(await api.refuse('sessions.eligibility', { occurrenceId, clientIds: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'] })).toMatchObject({ code: 'not_found', field: 'clientIds' });
    expect(await api.refuse('sessions.eligibility', { occurrenceId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', clientIds: [world.ana] })).toMatchObject({ code: 'not_found' });
  });
});
