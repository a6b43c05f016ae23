import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { appointmentWorld, createSchedule, everyDay, madrid, type AppointmentWorld } from './appointment-world';
import { rowCounts } from './db-inspect';

let api: TempApi;
let world: AppointmentWorld;

/** Monday 1 March 2027, 09:00 in Madrid. */
const MONDAY = '2027-03-01';

beforeEach(async () => {
  fixClock('2027-03-01T08:00:00.000Z');
  api = await openTempApi();
  world = await appointmentWorld(api, 3);
  await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '20:00']) });
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const c = (i: number) => world.clients[i]!;
const later = (minutes: number) => fixClock(new Date(Date.parse('2027-03-01T08:00:00.000Z') + minutes * 60_000).toISOString());

describe('consents (consents.record, consents.list)', () => {
  it('starts with nothing recorded, then keeps every grant and withdrawal: the latest is the current state', async () => {
    const none = await api.call('consents.list', { clientId: c(0) });
    expect(none).toEqual({ current: { appointment_messages: null, promotions: null }, history: [] });

    const ana = (await api.call('staff.create', { name: 'Marta Recepción', role: 'reception' })).id;
    await api.call('auth.signIn', { staffId: ana });
    const granted = await api.call('consents.record', { clientId: c(0), purpose: 'promotions', granted: true, method: 'paper', note: 'Hoja firmada' });
    expect(granted).toMatchObject({ clientId: c(0), purpose: 'promotions', granted: true, method: 'paper', note: 'Hoja firmada', staffId: ana, staffName: 'Marta Recepción', recordedAt: '2027-03-01T08:00:00.000Z' });
    later(5);
    await api.call('consents.record', { clientId: c(0), purpose: 'appointment_messages', granted: true, method: 'in_person' });
    later(10);
    const withdrawn = await api.call('consents.record', { clientId: c(0), purpose: 'promotions', granted: false, method: 'whatsapp', note: '' });
    expect(withdrawn.note).toBeNull();

    const list = await api.call('consents.list', { clientId: c(0) });
    expect(list.history.map((r) => [r.purpose, r.granted, r.method])).toEqual([
      ['promotions', false, 'whatsapp'],
      ['appointment_messages', true, 'in_person'],
      ['promotions', true, 'paper'],
    ]);
    expect(list.current.promotions?.id).toBe(withdrawn.id);
    expect(list.current.appointment_messages).toMatchObject({ granted: true, method: 'in_person' });
    // Another client's consents are their own.
    expect((await api.call('consents.list', { clientId: c(1) })).history).toEqual([]);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('consents.record', { clientId: c(0), purpose: 'marketing', granted: true, method: 'paper' })).toMatchObject({ code: 'invalid_choice', field: 'purpose' });
    expect(await api.refuse('consents.record', { clientId: c(0), purpose: 'promotions', granted: true, method: 'pigeon' })).toMatchObject({ field: 'method' });
    expect(await api.refuse('consents.record', { clientId: c(0), purpose: 'promotions', granted: 'yes', method: 'paper' })).toMatchObject({ field: 'granted' });
    expect(await api.refuse('consents.record', { clientId: c(0), purpose: 'promotions', granted: true, method: 'paper', note: 'x'.repeat(501) })).toMatchObject({ code: 'too_long', field: 'note' });
    expect(await api.refuse('consents.record', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', purpose: 'promotions', granted: true, method: 'paper' })).toMatchObject({ code: 'not_found', field: 'clientId' });
    expect(await api.refuse('consents.list', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ code: 'not_found', field: 'clientId' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });

  it('is append-only: a recorded consent cannot be changed in place', async () => {
    const record = await api.call('consents.record', { clientId: c(0), purpose: 'promotions', granted: true, method: 'email' });
    expect(() => api.host.database.sqlite.prepare('UPDATE client_consents SET granted = 0 WHERE id = ?').run(record.id)).toThrow(/append-only/);
  });

  it('goes with the client: erasing them leaves no consent row and no consent data in the feed', async () => {
    await api.call('consents.record', { clientId: c(0), purpose: 'promotions', granted: true, method: 'paper', note: 'Firmado por Cliente Uno' });
    await api.call('consents.record', { clientId: c(1), purpose: 'promotions', granted: true, method: 'paper' });
    await api.call('clients.delete', { id: c(0) });
    const sqlite = api.host.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM client_consents WHERE client_id = ?').pluck().get(c(0))).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM client_consents WHERE client_id = ?').pluck().get(c(1))).toBe(1);
    const leaked = sqlite.prepare("SELECT count(*) FROM feed WHERE data LIKE '%Firmado por Cliente Uno%'").pluck().get();
    expect(leaked).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM change_log WHERE changes LIKE '%Firmado por Cliente Uno%'").pluck().get()).toBe(0);
  });
});

describe('appointment messages follow the consent (messagesAllowed on the Hoy board, the session panel and appointments)', () => {
  it('allowed until a withdrawal, refused after it, allowed again when consent is given again', async () => {
    await api.call('settings.update', { checkInMinutesBefore: 1440 });
    const appointment = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '12:00') });
    const { series } = await api.call('series.create', { title: 'Pilates', organizerId: world.bea, startDate: MONDAY, startTime: '18:00', durationMin: 60, places: 6 });
    const [occurrence] = (await api.call('agenda.range', { from: MONDAY, to: MONDAY })).occurrences.filter((o) => o.seriesId === series.id);
    const booking = await api.call('sessions.book', { occurrenceId: occurrence!.id, clientId: c(0) });
    await api.call('sessions.book', { occurrenceId: occurrence!.id, clientId: c(1) });

    const state = async () => {
      const board = await api.call('today.board', { date: MONDAY });
      const detail = await api.call('sessions.get', { occurrenceId: occurrence!.id });
      return {
        board: board.entries.filter((e) => e.clientId === c(0)).map((e) => e.messagesAllowed),
        panel: detail.bookings.find((b) => b.id === booking.id)!.messagesAllowed,
        other: detail.bookings.find((b) => b.clientId === c(1))!.messagesAllowed,
        appointment: (await api.call('appointments.get', { appointmentId: appointment.id })).messagesAllowed,
      };
    };
    expect(await state()).toEqual({ board: [true, true], panel: true, other: true, appointment: true });

    // Promotions are another purpose: withdrawing them leaves appointment messages as they were.
    await api.call('consents.record', { clientId: c(0), purpose: 'promotions', granted: false, method: 'in_person' });
    expect((await state()).panel).toBe(true);

    later(1);
    await api.call('consents.record', { clientId: c(0), purpose: 'appointment_messages', granted: false, method: 'phone' });
    expect(await state()).toEqual({ board: [false, false], panel: false, other: true, appointment: false });

    later(2);
    await api.call('consents.record', { clientId: c(0), purpose: 'appointment_messages', granted: true, method: 'online_form' });
    expect(await state()).toEqual({ board: [true, true], panel: true, other: true, appointment: true });
  });

  it('property: after any sequence of records, the current state and messagesAllowed are those of the latest record', async () => {
    const record = fc.record({ purpose: fc.constantFrom('appointment_messages' as const, 'promotions' as const), granted: fc.boolean() });
    const { series } = await api.call('series.create', { title: 'Yoga', organizerId: world.bea, startDate: '2027-03-10', startTime: '18:00', durationMin: 60, places: 200 });
    const occurrenceId = (await api.call('agenda.range', { from: '2027-03-10', to: '2027-03-10' })).occurrences.find((o) => o.seriesId === series.id)!.id;
    let minute = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 8 }), async (records) => {
        const { client } = await api.call('clients.create', { firstName: `Prop ${minute}` });
        const booking = await api.call('sessions.book', { occurrenceId, clientId: client.id });
        for (const r of records) {
          later(++minute);
          await api.call('consents.record', { clientId: client.id, purpose: r.purpose, granted: r.granted, method: 'in_person' });
        }
        const list = await api.call('consents.list', { clientId: client.id });
        expect(list.history).toHaveLength(records.length);
        for (const purpose of ['appointment_messages', 'promotions'] as const) {
          const last = records.filter((r) => r.purpose === purpose).at(-1);
          expect(list.current[purpose]?.granted ?? null).toBe(last ? last.granted : null);
        }
        const lastMessages = records.filter((r) => r.purpose === 'appointment_messages').at(-1);
        const panel = (await api.call('sessions.get', { occurrenceId })).bookings.find((b) => b.id === booking.id)!;
        expect(panel.messagesAllowed).toBe(lastMessages ? lastMessages.granted : true);
      }),
      { numRuns: 25 },
    );
  });
});
