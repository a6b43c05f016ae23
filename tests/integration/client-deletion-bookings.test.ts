import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

describe('erasing a client who holds bookings', () => {
  it('frees their place (the waitlist is told) and closes the gap they leave in a waitlist', async () => {
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const staff = await api.call('staff.create', { name: 'Carmen Gil', role: 'professional' });
    const { series } = await api.call('series.create', { title: 'Barre', organizerId: staff.id, startDate: date, startTime: '10:00', durationMin: 45, places: 1 });
    const { occurrences } = await api.call('agenda.range', { from: date, to: date });
    const occurrenceId = occurrences.find((o) => o.seriesId === series.id)!.id;
    const clients = [];
    for (const name of ['Alba', 'Berta', 'Clara', 'Dora']) clients.push((await api.call('clients.create', { firstName: name })).client);
    for (const client of clients) await api.call('sessions.book', { occurrenceId, clientId: client.id });

    // Berta is first on the waitlist: erasing her moves Clara and Dora up.
    await api.call('clients.delete', { id: clients[1]!.id });
    let detail = await api.call('sessions.get', { occurrenceId });
    expect(detail.waitlist.map((b) => [b.clientName, b.waitlistPosition])).toEqual([['Clara', 1], ['Dora', 2]]);

    // Alba held the only place: erasing her frees it and both waiting clients are notified.
    await api.call('clients.delete', { id: clients[0]!.id });
    detail = await api.call('sessions.get', { occurrenceId });
    expect(detail.bookings).toEqual([]);
    const notices = await api.call('notifications.list', {});
    expect(notices.map((n) => n.clientName).sort()).toEqual(['Clara', 'Dora']);
  });
});
