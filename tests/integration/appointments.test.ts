import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FreeSlot } from '../../src-shared/domain/appointments';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { dayFromToday, nextWeekday, occurrencesOf, unknownId } from '../helpers/agenda-fixtures';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';
import { fixClock } from '../helpers/fixed-clock';

let api: TempApi;
let world: AppointmentWorld;

/** Monday 1 March 2027, 09:00 in Madrid: the clock of these tests (only Date is faked). */
const NOW = '2027-03-01T08:00:00.000Z';
const MONDAY = '2027-03-08';

beforeEach(async () => {
  api = await openTempApi();
  world = await appointmentWorld(api, 4);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const c = (i: number) => world.clients[i]!;
const starts = (slots: FreeSlot[], date?: string) => slots.filter((s) => date === undefined || s.localDate === date).map((s) => s.localStart);

async function slotsOn(date: string, input: { staffId?: string; serviceId?: string; stepMin?: 5 | 10 | 15 | 30; visibleToClientId?: string; exceptAppointmentId?: string } = {}) {
  return api.call('slots.find', { serviceId: world.corte, from: date, to: date, ...input });
}

describe('slots and booking, one professional (fixed clock)', () => {
  beforeEach(() => fixClock(NOW));

  it('offers a day of free times; a booked one disappears and comes back once cancelled', async () => {
    const schedule = await createSchedule(api, world.ana, [world.corte], { ranges: [{ weekday: 1, start: '09:00', end: '11:00' }] });
    const free = await slotsOn(MONDAY, { staffId: world.ana });
    expect(starts(free)).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect(free[1]).toEqual({
      startsAt: madrid(MONDAY, '09:30'),
      localDate: MONDAY,
      localStart: '09:30',
      options: [{ staffId: world.ana, staffName: 'Ana Estilista', scheduleId: schedule.id, endsAt: madrid(MONDAY, '10:00') }],
    });

    const booked = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: free[1]!.startsAt, note: 'Flequillo' });
    expect(booked).toMatchObject({
      clientId: c(0),
      clientName: 'Cliente 01',
      phone: '+34612345001',
      hasNotes: false,
      staffId: world.ana,
      staffName: 'Ana Estilista',
      serviceId: world.corte,
      serviceName: 'Corte',
      scheduleId: schedule.id,
      startsAt: madrid(MONDAY, '09:30'),
      endsAt: madrid(MONDAY, '10:00'),
      localDate: MONDAY,
      localStart: '09:30',
      localEnd: '10:00',
      status: 'booked',
      overridden: [],
      source: 'desk',
      note: 'Flequillo',
      cancelReason: null,
      cancelledAt: null,
      checkedInAt: null,
    });
    expect(booked.colour).toMatch(/^#[0-9a-f]{6}$/i);
    expect(await api.call('appointments.get', { appointmentId: booked.id })).toEqual(booked);
    expect(starts(await slotsOn(MONDAY, { staffId: world.ana }))).toEqual(['09:00', '10:00', '10:30']);
    expect(await api.refuse('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: booked.startsAt })).toMatchObject({
      code: 'slot_taken',
      field: 'startsAt',
    });

    const cancelled = await api.call('appointments.cancel', { appointmentId: booked.id, reason: 'Enferma' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Enferma', cancelledAt: NOW });
    expect(starts(await slotsOn(MONDAY, { staffId: world.ana }))).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect(await api.refuse('appointments.cancel', { appointmentId: booked.id })).toMatchObject({ code: 'invalid_status_change', field: 'appointmentId' });
    // The time is free again for someone else.
    await api.call('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: booked.startsAt });
  });

  it('steps by the chosen minutes and keeps the buffers free on both sides', async () => {
    await createSchedule(api, world.ana, [world.corte], { bufferBeforeMin: 10, bufferAfterMin: 20, ranges: [{ weekday: 1, start: '09:00', end: '12:00' }] });
    expect(starts(await slotsOn(MONDAY, { stepMin: 15 }))).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
    // Blocks 09:50–10:50; a start s blocks [s − 10, s + 50).
    const booked = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    expect(booked).toMatchObject({ bufferBeforeMin: 10, bufferAfterMin: 20 });
    expect(starts(await slotsOn(MONDAY, { stepMin: 15 }))).toEqual(['09:00', '11:00', '11:15', '11:30']);
    expect(starts(await slotsOn(MONDAY))).toEqual(['09:00', '11:00', '11:30']);
    // 09:15 would end at 09:45 and need 20 minutes after: into the 09:50 buffer.
    expect(await api.refuse('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '09:15') })).toMatchObject({
      code: 'slot_taken',
    });
    expect(await api.refuse('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:45') })).toMatchObject({
      code: 'slot_taken',
    });
    const over = await api.call('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:45'), override: true });
    expect(over.overridden).toEqual(['busy']);
  });

  it('honours the lead time and the horizon, and never offers or books the past', async () => {
    await createSchedule(api, world.ana, [world.corte], { durationMin: 60, leadTimeMin: 120, horizonDays: 7, ranges: everyDay(['09:00', '13:00']) });
    const free = await api.call('slots.find', { serviceId: world.corte, from: '2027-02-27', to: '2027-03-10' });
    // Today from 11:00 (now 09:00 + 2 h); nothing after today + 7 days.
    expect(starts(free, '2027-03-01')).toEqual(['11:00', '12:00']);
    expect([...new Set(free.map((s) => s.localDate))]).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06', '2027-03-07', '2027-03-08']);
    const book = (startsAt: string, override?: boolean) => ({ clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt, ...(override ? { override } : {}) });
    expect(await api.refuse('appointments.book', book(madrid('2027-03-01', '10:00')))).toMatchObject({ code: 'before_lead_time', field: 'startsAt' });
    expect(await api.refuse('appointments.book', book(madrid('2027-03-09', '10:00')))).toMatchObject({ code: 'beyond_horizon', field: 'startsAt' });
    expect(await api.refuse('appointments.book', book(madrid('2027-03-01', '08:00')))).toMatchObject({ code: 'appointment_past', field: 'startsAt' });
    expect(await api.refuse('appointments.book', book(madrid('2027-03-01', '08:00'), true))).toMatchObject({ code: 'appointment_past', field: 'startsAt' });
    expect((await api.call('appointments.book', book(madrid('2027-03-01', '10:00'), true))).overridden).toEqual(['lead_time']);
    expect((await api.call('appointments.book', book(madrid('2027-03-09', '10:00'), true))).overridden).toEqual(['horizon']);
  });

  it('follows date exceptions and centre holidays', async () => {
    const schedule = await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '10:00']) });
    const [d1, d2, d3, d4] = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11'];
    await api.call('holidays.set', { date: d1, name: 'Fiesta local' });
    await api.call('schedules.setException', { staffId: world.ana, date: d2, kind: 'day_off' });
    await api.call('schedules.setException', { staffId: world.ana, date: d3, kind: 'hours', ranges: [{ start: '17:00', end: '18:00' }] });
    // The schedule's own exception wins over the professional's all-schedules one.
    await api.call('schedules.setException', { staffId: world.ana, date: d4, kind: 'day_off' });
    await api.call('schedules.setException', { staffId: world.ana, scheduleId: schedule.id, date: d4, kind: 'hours', ranges: [{ start: '12:00', end: '12:30' }] });
    const free = await api.call('slots.find', { serviceId: world.corte, from: d1, to: '2027-03-12' });
    expect(free.map((s) => `${s.localDate} ${s.localStart}`)).toEqual([`${d3} 17:00`, `${d3} 17:30`, `${d4} 12:00`, '2027-03-12 09:00', '2027-03-12 09:30']);

    const book = (startsAt: string, override?: boolean) => ({ clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt, ...(override ? { override } : {}) });
    expect(await api.refuse('appointments.book', book(madrid(d1, '09:00')))).toMatchObject({ code: 'outside_hours', field: 'startsAt' });
    expect(await api.refuse('appointments.book', book(madrid(d3, '09:00')))).toMatchObject({ code: 'outside_hours' });
    // Inside the hours but running past their end.
    expect(await api.refuse('appointments.book', book(madrid(d3, '17:45')))).toMatchObject({ code: 'outside_hours' });
    const onHoliday = await api.call('appointments.book', book(madrid(d1, '09:00'), true));
    expect(onHoliday).toMatchObject({ overridden: ['outside_hours'], scheduleId: schedule.id, localEnd: '09:30' });
    // Off the step is fine inside the hours.
    expect((await api.call('appointments.book', book(madrid(d3, '17:10')))).localEnd).toBe('17:40');
  });

  it('keeps sessions, meetings and private events clear; reminders and cancelled occurrences do not block', async () => {
    await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '14:00']) });
    const series = async (kind: 'session' | 'meeting' | 'private' | 'reminder', startTime: string, durationMin: number) =>
      (await api.call('series.create', { kind, title: kind, organizerId: world.ana, startDate: MONDAY, startTime, durationMin, ...(kind === 'session' ? { places: 4 } : {}) })).series;
    await series('session', '09:00', 60);
    await series('meeting', '10:30', 30);
    await series('private', '12:15', 15);
    await series('reminder', '11:00', 60);
    const cancelled = await series('private', '13:00', 60);
    await api.call('series.cancel', { occurrenceId: occurrencesOf(api, cancelled.id)[0]!.id, scope: 'occurrence' });
    // Another professional's session takes nothing from Ana.
    await api.call('series.create', { title: 'Otra', organizerId: world.bea, startDate: MONDAY, startTime: '11:00', durationMin: 60, places: 3 });

    expect(starts(await slotsOn(MONDAY))).toEqual(['10:00', '11:00', '11:30', '12:30', '13:00', '13:30']);
    expect(await api.refuse('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '09:30') })).toMatchObject({
      code: 'slot_taken',
    });
    const over = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '12:00'), override: true });
    expect(over.overridden).toEqual(['busy']);
  });

  it('books a service no schedule offers only with the override: the service length, no buffers', async () => {
    await createSchedule(api, world.ana, [world.corte], { bufferAfterMin: 15 });
    const input = { clientId: c(0), staffId: world.ana, serviceId: world.tinte, startsAt: madrid(MONDAY, '10:00') };
    expect(await api.refuse('appointments.book', input)).toMatchObject({ code: 'service_not_offered', field: 'serviceId' });
    const booked = await api.call('appointments.book', { ...input, override: true });
    expect(booked).toMatchObject({ scheduleId: null, localEnd: '11:00', bufferBeforeMin: 0, bufferAfterMin: 0, overridden: ['not_offered'] });
    // It holds Ana's time for the schedule's services too.
    expect(starts(await slotsOn(MONDAY)).filter((t) => t >= '09:30' && t < '11:30')).toEqual(['11:00']);
  });

  it("picks, of a professional's schedules for the service, the one whose hours hold the start", async () => {
    const mornings = await createSchedule(api, world.ana, [world.corte], { name: 'Mañanas', ranges: everyDay(['09:00', '13:00']) });
    const evenings = await createSchedule(api, world.ana, [world.corte, world.tinte], { name: 'Tardes', durationMin: 45, ranges: everyDay(['16:00', '20:00']) });
    const morning = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    expect(morning).toMatchObject({ scheduleId: mornings.id, localEnd: '10:30' });
    const evening = await api.call('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '17:00') });
    expect(evening).toMatchObject({ scheduleId: evenings.id, localEnd: '17:45' });
    // An inactive schedule offers nothing.
    await api.call('schedules.update', { id: evenings.id, active: false });
    expect(starts(await slotsOn(MONDAY)).filter((t) => t >= '16:00')).toEqual([]);
    expect(await api.refuse('appointments.book', { clientId: c(2), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '18:00') })).toMatchObject({
      code: 'outside_hours',
    });
  });
  it("books the start a slot offered even when the professional's first schedule would be busy there", async () => {
    const hours = { ranges: [{ weekday: 1, start: '09:00', end: '11:00' }] };
    await createSchedule(api, world.ana, [world.corte], { ...hours, name: 'A largo', durationMin: 60 });
    const short = await createSchedule(api, world.ana, [world.corte], { ...hours, name: 'B corto', durationMin: 30 });
    // Only the 30-minute schedule holds 10:30 (the 60-minute one would run past 11:00).
    expect(await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:30') })).toMatchObject({
      scheduleId: short.id,
      localEnd: '11:00',
    });
    const free = await slotsOn(MONDAY);
    const ten = free.find((s) => s.localStart === '10:00')!;
    expect(ten.options).toEqual([{ staffId: world.ana, staffName: 'Ana Estilista', scheduleId: short.id, endsAt: madrid(MONDAY, '10:30') }]);
    const booked = await api.call('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: ten.startsAt });
    expect(booked).toMatchObject({ scheduleId: short.id, localEnd: '10:30', overridden: [] });
  });
});

describe('any professional (fixed clock)', () => {
  beforeEach(() => fixClock(NOW));

  it('merges the same start into one slot with an option per professional, by name', async () => {
    const hours = { ranges: [{ weekday: 1, start: '10:00', end: '11:30' }] };
    const beaSchedule = await createSchedule(api, world.bea, [world.corte], hours);
    const anaOne = await createSchedule(api, world.ana, [world.corte], { ...hours, name: 'A' });
    // Ana's second schedule for the same service: still one option per start.
    await createSchedule(api, world.ana, [world.corte, world.tinte], { ...hours, name: 'B', durationMin: 60 });
    // Carla only colours; Dora is inactive.
    await createSchedule(api, world.carla, [world.tinte], hours);
    const dora = (await api.call('staff.create', { name: 'Dora Estilista', role: 'professional' })).id;
    await createSchedule(api, dora, [world.corte], hours);
    await api.call('staff.update', { id: dora, active: false });

    const free = await slotsOn(MONDAY);
    expect(starts(free)).toEqual(['10:00', '10:30', '11:00']);
    expect(free[0]!.options).toEqual([
      { staffId: world.ana, staffName: 'Ana Estilista', scheduleId: anaOne.id, endsAt: madrid(MONDAY, '10:30') },
      { staffId: world.bea, staffName: 'Bea Estilista', scheduleId: beaSchedule.id, endsAt: madrid(MONDAY, '10:30') },
    ]);
    await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    const after = await slotsOn(MONDAY);
    expect(after.map((s) => [s.localStart, s.options.map((o) => o.staffName)])).toEqual([
      ['10:00', ['Bea Estilista']],
      ['10:30', ['Ana Estilista', 'Bea Estilista']],
      ['11:00', ['Ana Estilista', 'Bea Estilista']],
    ]);
    // Colour: Ana's 60-minute schedule and Carla's 30-minute one.
    const colour = await slotsOn(MONDAY, { serviceId: world.tinte });
    expect(colour.map((s) => [s.localStart, s.options.map((o) => [o.staffName, o.endsAt])])).toEqual([
      ['10:00', [['Carla Estilista', madrid(MONDAY, '10:30')]]],
      ['10:30', [['Carla Estilista', madrid(MONDAY, '11:00')]]],
      ['11:00', [['Carla Estilista', madrid(MONDAY, '11:30')]]],
    ]);
    expect(await api.refuse('slots.find', { serviceId: world.corte, staffId: dora, from: MONDAY, to: MONDAY })).toMatchObject({ code: 'staff_inactive', field: 'staffId' });
  });

  it('refuses bad ranges and unknown ids, and answers nothing for an inactive service', async () => {
    await createSchedule(api, world.ana, [world.corte]);
    // 8 March to 8 May is 62 days, both ends included: the most one call looks at.
    expect((await api.call('slots.find', { serviceId: world.corte, from: '2027-03-08', to: '2027-05-08' })).at(-1)?.localDate).toBe('2027-05-08');
    expect(await api.refuse('slots.find', { serviceId: world.corte, from: '2027-03-08', to: '2027-05-09' })).toMatchObject({ code: 'range_too_long', field: 'to' });
    expect(await api.refuse('slots.find', { serviceId: world.corte, from: '2027-03-08', to: '2027-03-07' })).toMatchObject({ code: 'end_before_start', field: 'to' });
    expect(await api.refuse('slots.find', { serviceId: unknownId, from: MONDAY, to: MONDAY })).toMatchObject({ code: 'not_found', field: 'serviceId' });
    expect(await api.refuse('slots.find', { serviceId: world.corte, staffId: unknownId, from: MONDAY, to: MONDAY })).toMatchObject({ code: 'not_found', field: 'staffId' });
    expect(await api.refuse('slots.find', { serviceId: world.corte, visibleToClientId: unknownId, from: MONDAY, to: MONDAY })).toMatchObject({
      code: 'not_found',
      field: 'visibleToClientId',
    });
    expect(await api.refuse('slots.find', { serviceId: world.corte, from: MONDAY, to: MONDAY, stepMin: 20 })).toMatchObject({ field: 'stepMin' });
    await api.call('services.update', { id: world.corte, active: false });
    expect(await slotsOn(MONDAY)).toEqual([]);
  });
});

describe('visibility and blacklisted clients (fixed clock)', () => {
  beforeEach(() => fixClock(NOW));

  it('shows a tags schedule only to clients with its tags, and refuses their own booking otherwise', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    const gold = await api.call('tags.create', { name: 'Oro' });
    await createSchedule(api, world.ana, [world.corte], { visibility: 'tags', tagMatch: 'all', tagIds: [vip.id, gold.id], ranges: [{ weekday: 1, start: '10:00', end: '11:00' }] });
    await createSchedule(api, world.bea, [world.corte], { ranges: [{ weekday: 1, start: '10:00', end: '11:00' }] });
    await api.call('clients.addTag', { clientId: c(1), tagId: vip.id });
    await api.call('clients.addTag', { clientId: c(2), tagId: vip.id });
    await api.call('clients.addTag', { clientId: c(2), tagId: gold.id });
    const names = async (clientId: string) => [...new Set((await slotsOn(MONDAY, { visibleToClientId: clientId })).flatMap((s) => s.options.map((o) => o.staffName)))];
    expect(await names(c(0))).toEqual(['Bea Estilista']);
    expect(await names(c(1))).toEqual(['Bea Estilista']);
    expect(await names(c(2))).toEqual(['Ana Estilista', 'Bea Estilista']);

    const own = (clientId: string) => ({ clientId, staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00'), source: 'client' as const });
    expect(await api.refuse('appointments.book', own(c(1)))).toMatchObject({ code: 'not_visible_for_schedule', field: 'clientId' });
    expect(await api.refuse('appointments.book', { ...own(c(2)), override: true })).toMatchObject({ code: 'invalid_input', field: 'override' });
    expect(await api.call('appointments.book', own(c(2)))).toMatchObject({ source: 'client', overridden: [] });
    // The desk books anyone.
    expect((await api.call('appointments.book', { ...own(c(1)), source: 'desk', startsAt: madrid(MONDAY, '10:30') })).source).toBe('desk');
  });

  it('refuses a blacklisted client, and shows them no slots', async () => {
    await createSchedule(api, world.ana, [world.corte]);
    await api.call('clients.setBlacklist', { id: c(3), blacklisted: true, reason: 'Impagos' });
    expect(await slotsOn(MONDAY, { visibleToClientId: c(3) })).toEqual([]);
    const input = { clientId: c(3), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') };
    expect(await api.refuse('appointments.book', input)).toMatchObject({ code: 'client_blacklisted', field: 'clientId' });
    expect(await api.refuse('appointments.book', { ...input, override: true })).toMatchObject({ code: 'client_blacklisted', field: 'clientId' });
  });
});

describe('reschedule and attendance (fixed clock)', () => {
  beforeEach(() => fixClock(NOW));

  it('moves an appointment to a free time or another professional, never over someone else', async () => {
    await createSchedule(api, world.ana, [world.corte], { bufferAfterMin: 15, ranges: everyDay(['09:00', '13:00']) });
    await createSchedule(api, world.bea, [world.corte], { ranges: everyDay(['09:00', '13:00']) });
    const first = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    const second = await api.call('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '11:00') });
    // The picker for moving it offers its own time and the quarter after; for anyone else they are taken.
    const startsOf = (slots: { localStart: string }[]) => slots.map((s) => s.localStart);
    expect(startsOf(await slotsOn(MONDAY, { staffId: world.ana, stepMin: 15 }))).not.toContain('10:15');
    expect(startsOf(await slotsOn(MONDAY, { staffId: world.ana, stepMin: 15, exceptAppointmentId: first.id }))).toEqual(
      expect.arrayContaining(['10:00', '10:15']),
    );
    // Over its own old time: it does not block itself.
    const shifted = await api.call('appointments.reschedule', { appointmentId: first.id, startsAt: madrid(MONDAY, '10:15') });
    expect(shifted).toMatchObject({ localStart: '10:15', localEnd: '10:45', staffId: world.ana, overridden: [] });
    // 10:30–11:00 + 15 after runs into the 11:00 appointment.
    expect(await api.refuse('appointments.reschedule', { appointmentId: first.id, startsAt: madrid(MONDAY, '10:30') })).toMatchObject({ code: 'slot_taken', field: 'startsAt' });
    const forced = await api.call('appointments.reschedule', { appointmentId: first.id, startsAt: madrid(MONDAY, '10:30'), override: true });
    expect(forced.overridden).toEqual(['busy']);
    const toBea = await api.call('appointments.reschedule', { appointmentId: second.id, startsAt: madrid(MONDAY, '11:00'), staffId: world.bea });
    expect(toBea).toMatchObject({ staffId: world.bea, staffName: 'Bea Estilista', bufferAfterMin: 0, localStart: '11:00' });
    expect(await api.refuse('appointments.reschedule', { appointmentId: first.id, startsAt: madrid(MONDAY, '08:00') })).toMatchObject({ code: 'outside_hours' });
    expect(await api.refuse('appointments.reschedule', { appointmentId: first.id, startsAt: madrid('2027-02-28', '10:00') })).toMatchObject({ code: 'appointment_past' });
    expect(await api.refuse('appointments.reschedule', { appointmentId: unknownId, startsAt: madrid(MONDAY, '12:00') })).toMatchObject({ code: 'not_found', field: 'appointmentId' });
    await api.call('appointments.cancel', { appointmentId: second.id });
    expect(await api.refuse('appointments.reschedule', { appointmentId: second.id, startsAt: madrid(MONDAY, '12:00') })).toMatchObject({ code: 'invalid_status_change' });
  });

  it("checks in from the appointment's own day; a no-show can be undone; a cancelled one cannot change", async () => {
    // This test is about the day rule; check-in's window before the start is tested in restrictions.test.ts.
    await api.call('settings.update', { checkInMinutesBefore: 1440 });
    await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '13:00']) });
    const today = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: madrid('2027-03-01', '11:00') });
    const later = await api.call('appointments.book', { clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: madrid('2027-03-02', '11:00') });
    expect(await api.refuse('appointments.setStatus', { appointmentId: later.id, status: 'attended' })).toMatchObject({ code: 'invalid_status_change', field: 'status' });
    expect(await api.call('appointments.setStatus', { appointmentId: today.id, status: 'attended' })).toMatchObject({ status: 'attended', checkedInAt: NOW });
    expect(await api.call('appointments.setStatus', { appointmentId: today.id, status: 'no_show' })).toMatchObject({ status: 'no_show', checkedInAt: null });
    expect(await api.call('appointments.setStatus', { appointmentId: today.id, status: 'booked' })).toMatchObject({ status: 'booked' });
    await api.call('appointments.cancel', { appointmentId: later.id });
    expect(await api.refuse('appointments.setStatus', { appointmentId: later.id, status: 'booked' })).toMatchObject({ code: 'invalid_status_change' });
    // An attended appointment no longer takes a cancellation.
    await api.call('appointments.setStatus', { appointmentId: today.id, status: 'attended' });
    expect(await api.refuse('appointments.cancel', { appointmentId: today.id })).toMatchObject({ code: 'invalid_status_change' });
  });
});

describe('daylight-saving days in Europe/Madrid, through slots.find', () => {
  it('offers no slot in the spring-forward gap (29 March 2026)', async () => {
    fixClock('2026-01-15T10:00:00.000Z');
    await createSchedule(api, world.ana, [world.corte], { durationMin: 60, ranges: [{ weekday: 7, start: '00:00', end: '06:00' }] });
    const free = await slotsOn('2026-03-29', { stepMin: 30 });
    expect(starts(free)).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00']);
    const at = Object.fromEntries(free.map((s) => [s.localStart, [s.startsAt, s.options[0]!.endsAt]]));
    expect(at['01:30']).toEqual(['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z']);
    expect(at['03:00']).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']);
    expect(at['05:00']).toEqual(['2026-03-29T03:00:00.000Z', '2026-03-29T04:00:00.000Z']);
    // The week after, same wall-clock times, an hour earlier in UTC than before the change.
    expect((await slotsOn('2026-03-22', { stepMin: 30 }))[0]!.startsAt).toBe('2026-03-21T23:00:00.000Z');
    expect((await slotsOn('2026-04-05', { stepMin: 30 }))[0]!.startsAt).toBe('2026-04-04T22:00:00.000Z');
    // A booking in the gap is outside the hours, not some shifted time.
    const booked = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: '2026-03-29T01:00:00.000Z' });
    expect(booked).toMatchObject({ localStart: '03:00', localEnd: '04:00' });
    expect(starts(await slotsOn('2026-03-29', { stepMin: 30 }))).toEqual(['00:00', '00:30', '01:00', '04:00', '04:30', '05:00']);
  });

  it('offers the repeated autumn hour once, at its first instant (25 October 2026)', async () => {
    fixClock('2026-06-15T10:00:00.000Z');
    await createSchedule(api, world.ana, [world.corte], { durationMin: 60, ranges: [{ weekday: 7, start: '00:00', end: '06:00' }] });
    const free = await slotsOn('2026-10-25', { stepMin: 30 });
    expect(starts(free)).toEqual(['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30', '05:00']);
    expect(free.map((s) => s.startsAt)).toEqual([
      '2026-10-24T22:00:00.000Z',
      '2026-10-24T22:30:00.000Z',
      '2026-10-24T23:00:00.000Z',
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T02:30:00.000Z',
      '2026-10-25T03:00:00.000Z',
      '2026-10-25T03:30:00.000Z',
      '2026-10-25T04:00:00.000Z',
    ]);
    // 01:30 CEST lasts 60 real minutes: it ends at 02:30 CEST.
    expect(free[3]!.options[0]!.endsAt).toBe('2026-10-25T00:30:00.000Z');
    const booked = await api.call('appointments.book', { clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: '2026-10-25T00:30:00.000Z' });
    expect(booked).toMatchObject({ localDate: '2026-10-25', localStart: '02:30', localEnd: '02:30' });
    // It holds 00:30Z–01:30Z: 02:00 CEST overlaps it, 01:30 CEST ends as it starts, 03:00 CET starts after.
    expect(starts(await slotsOn('2026-10-25', { stepMin: 30 }))).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00']);
  });
});

const run = promisify(execFile);

describe('through the CLI', () => {
  it('finds a slot, books it and prints it on the daily list', { timeout: 60_000 }, async () => {
    await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '12:00']) });
    await api.call('clients.update', { id: c(0), notes: 'Alergia al tinte' });
    const date = nextWeekday(dayFromToday(2), 3);
    const cli = async (...args: string[]) => {
      try {
        return JSON.parse((await run('npx', ['tsx', 'src-main/cli/main.ts', '--db', api.path, ...args], { cwd: process.cwd() })).stdout) as { ok: boolean; value: unknown };
      } catch (error) {
        return JSON.parse((error as { stdout: string }).stdout) as { ok: boolean; error: unknown };
      }
    };
    const found = (await cli('api', 'slots.find', JSON.stringify({ serviceId: world.corte, staffId: world.ana, from: date, to: date }))) as { value: FreeSlot[] };
    expect(found.value.map((s) => s.localStart)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    const booked = await cli('api', 'appointments.book', JSON.stringify({ clientId: c(0), staffId: world.ana, serviceId: world.corte, startsAt: found.value[2]!.startsAt }));
    expect(booked).toMatchObject({ ok: true, value: { localStart: '10:00', serviceName: 'Corte' } });
    const again = await cli('api', 'appointments.book', JSON.stringify({ clientId: c(1), staffId: world.ana, serviceId: world.corte, startsAt: found.value[2]!.startsAt }));
    expect(again).toMatchObject({ ok: false, error: { code: 'slot_taken', field: 'startsAt' } });
    const { stdout } = await run('npx', ['tsx', 'src-main/cli/main.ts', '--db', api.path, 'daily-list', '--date', date], { cwd: process.cwd() });
    expect(stdout).toMatch(/10:00–\d{2}:\d{2}\s+Cliente 01\s+\+34 612 34 50 01\s+Corte\s+Ana Estilista\s+Reservado\s+⚠ Alergia al tinte/);
  });
});
