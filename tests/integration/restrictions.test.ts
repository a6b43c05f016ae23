import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

describe('all field errors at once', () => {
  it('answers a bad phone, a bad email and a missing first name together, the first one leading', async () => {
    const error = await api.refuse('clients.create', { firstName: '', phone: '12', email: 'not-an-email' });
    expect(error.code).toBe('required');
    expect(error.field).toBe('firstName');
    expect(error.fields?.map((f) => [f.field, f.code])).toEqual([
      ['firstName', 'required'],
      ['phone', 'invalid_phone'],
      ['email', 'invalid_email'],
    ]);
    for (const f of error.fields ?? []) expect(f.message).not.toBe('');
    expect((await api.call('clients.search', {})).items).toHaveLength(0);
  });

  it('answers every field the handler checks by hand when the contract accepted the input', async () => {
    const error = await api.refuse('clients.create', { firstName: 'Ana', phone: '12', email: 'nope', birthDate: '2040-01-01' });
    expect(error).toMatchObject({ code: 'invalid_phone', field: 'phone' });
    expect(error.fields?.map((f) => f.field)).toEqual(['phone', 'email', 'birthDate']);
  });

  it('does the same on an update, and a single bad field keeps the old one-error shape', async () => {
    const { client } = await api.call('clients.create', { firstName: 'Ana' });
    const both = await api.refuse('clients.update', { id: client.id, phone: 'x', email: 'y' });
    expect(both.fields?.map((f) => f.code)).toEqual(['invalid_phone', 'invalid_email']);
    const one = await api.refuse('clients.update', { id: client.id, email: 'y' });
    expect(one).toMatchObject({ code: 'invalid_email', field: 'email' });
    expect(one.fields).toBeUndefined();
  });

  it('names every field zod refuses in other calls', async () => {
    const error = await api.refuse('services.create', { name: '', durationMin: -5, priceCents: 'x' });
    expect((error.fields ?? []).length).toBeGreaterThan(1);
    expect(error.fields?.[0]?.field).toBe(error.field);
  });
});

describe('check-in from a set time before the start', () => {
  const DAY = '2027-03-02';

  it('refuses a check-in earlier than the centre\'s window (60 minutes by default), for sessions and appointments, and follows the setting', async () => {
    fixClock('2027-03-01T08:00:00.000Z');
    const world = await appointmentWorld(api, 3);
    await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '20:00']) });
    expect((await api.call('settings.get', {})).checkInMinutesBefore).toBe(60);
    const { series } = await api.call('series.create', { title: 'Pilates', organizerId: world.bea, startDate: DAY, startTime: '12:00', durationMin: 60, places: 6 });
    const [occurrence] = (await api.call('agenda.range', { from: DAY, to: DAY })).occurrences.filter((o) => o.seriesId === series.id);
    const booking = await api.call('sessions.book', { occurrenceId: occurrence!.id, clientId: world.clients[0]! });
    const appointment = await api.call('appointments.book', { clientId: world.clients[1]!, staffId: world.ana, serviceId: world.corte, startsAt: madrid(DAY, '12:00') });

    // 10:30 in Madrid: 90 minutes before noon, too early.
    fixClock('2027-03-02T09:30:00.000Z');
    const early = await api.refuse('sessions.setAttendance', { bookingId: booking.id, status: 'attended', stage: 'arrived' });
    expect(early).toMatchObject({ code: 'check_in_too_early', field: 'status' });
    expect(early.message).toContain('60');
    expect(await api.refuse('appointments.setStatus', { appointmentId: appointment.id, status: 'attended' })).toMatchObject({ code: 'check_in_too_early' });

    // A wider window lets the same check-in through.
    await api.call('settings.update', { checkInMinutesBefore: 120 });
    expect((await api.call('sessions.setAttendance', { bookingId: booking.id, status: 'attended', stage: 'arrived' })).status).toBe('attended');
    await api.call('settings.update', { checkInMinutesBefore: 15 });
    expect(await api.refuse('appointments.setStatus', { appointmentId: appointment.id, status: 'attended' })).toMatchObject({ code: 'check_in_too_early' });
    // 11:50: inside 15 minutes.
    fixClock('2027-03-02T10:50:00.000Z');
    expect((await api.call('appointments.setStatus', { appointmentId: appointment.id, status: 'attended' })).status).toBe('attended');
    expect(await api.refuse('settings.update', { checkInMinutesBefore: 1441 })).toMatchObject({ code: 'out_of_range', field: 'checkInMinutesBefore' });
  });
});
