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

describe('erasing a client who holds appointments', () => {
  it('removes their appointments, frees the time and leaves no trace in the log', async () => {
    const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const staff = await api.call('staff.create', { name: 'Carmen Gil', role: 'professional' });
    const service = await api.call('services.create', { name: 'Masaje', durationMin: 60, priceMinor: 5000 });
    const ranges = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '10:00', end: '12:00' }));
    await api.call('schedules.create', { staffId: staff.id, name: 'Masajes', durationMin: 60, bufferAfterMin: 15, serviceIds: [service.id], ranges });
    const alba = (await api.call('clients.create', { firstName: 'Alba', lastName: 'Secreta' })).client;
    const berta = (await api.call('clients.create', { firstName: 'Berta' })).client;
    const find = () => api.call('slots.find', { serviceId: service.id, staffId: staff.id, from: date, to: date });
    const [first] = await find();
    const appointment = await api.call('appointments.book', { clientId: alba.id, staffId: staff.id, serviceId: service.id, startsAt: first!.startsAt, note: 'Contractura' });
    await api.call('appointments.reschedule', { appointmentId: appointment.id, startsAt: first!.startsAt });
    expect((await find()).map((s) => s.localStart)).toEqual([]);
    expect(await api.refuse('appointments.book', { clientId: berta.id, staffId: staff.id, serviceId: service.id, startsAt: first!.startsAt })).toMatchObject({ code: 'slot_taken' });

    await api.call('clients.delete', { id: alba.id });
    const sqlite = api.host.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM appointments').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM change_log WHERE subject_client_id = ? OR entity_id = ?').pluck().get(alba.id, appointment.id)).toBe(0);
    expect(await api.refuse('appointments.get', { appointmentId: appointment.id })).toMatchObject({ code: 'not_found' });
    expect((await find()).map((s) => s.localStart)).toEqual(['10:00', '11:00']);
    await api.call('appointments.book', { clientId: berta.id, staffId: staff.id, serviceId: service.id, startsAt: first!.startsAt });
  });
});

describe('erasing a client who holds passes', () => {
  it('removes their passes and every credit movement; the sale stays, anonymous', async () => {
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const staff = await api.call('staff.create', { name: 'Carmen Gil', role: 'professional' });
    const yoga = await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 });
    const { series } = await api.call('series.create', { title: 'Yoga', organizerId: staff.id, sessionTypeId: yoga.id, startDate: date, startTime: '10:00', durationMin: 60, places: 5, redeemableWithPasses: true });
    const occurrenceId = api.host.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ?').pluck().get(series.id) as string;
    const product = await api.call('passProducts.create', { name: 'Bono 10', credits: 10, sessionTypeIds: [yoga.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 });
    const alba = (await api.call('clients.create', { firstName: 'Alba' })).client;
    const sale = await api.call('checkout.commit', { clientId: alba.id, lines: [{ kind: 'pass', passProductId: product.id }], payments: [{ method: 'cash', amountMinor: 8000 }] });
    const booking = await api.call('sessions.book', { occurrenceId, clientId: alba.id, source: 'client' });
    expect(booking.creditState).toBe('redeemed');
    const [pass] = await api.call('passes.ofClient', { clientId: alba.id });
    await api.call('passes.adjust', { passId: pass!.id, delta: 1, reason: 'Regalo de Alba' });

    await api.call('clients.delete', { id: alba.id });
    const sqlite = api.host.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM client_passes').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM credit_ledger').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM bookings').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT client_id FROM sales WHERE id = ?').get(sale.id)).toEqual({ client_id: null });
    expect(sqlite.prepare("SELECT count(*) FROM change_log WHERE changes LIKE '%Regalo de Alba%'").pluck().get()).toBe(0);
  });
});
