import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { unknownId } from '../helpers/agenda-fixtures';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';
import { rowCounts } from './db-inspect';
import { fixClock } from '../helpers/fixed-clock';

let api: TempApi;
let world: AppointmentWorld;
let scheduleId: string;
let appointmentId: string;
let blacklisted: string;
let inactiveStaff: string;

/** Monday 1 March 2027, 09:00 in Madrid (only Date is faked). */
const NOW = '2027-03-01T08:00:00.000Z';
const MONDAY = '2027-03-08';

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await appointmentWorld(api, 2);
  scheduleId = (await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '13:00']), leadTimeMin: 60, horizonDays: 30 })).id;
  appointmentId = (await api.call('appointments.book', { clientId: world.clients[0]!, staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') })).id;
  blacklisted = (await api.call('clients.create', { firstName: 'Vetada' })).client.id;
  await api.call('clients.setBlacklist', { id: blacklisted, blacklisted: true, reason: 'Impagos' });
  inactiveStaff = (await api.call('staff.create', { name: 'Baja', role: 'professional' })).id;
  await createSchedule(api, inactiveStaff, [world.corte]);
  await api.call('staff.update', { id: inactiveStaff, active: false });
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

/** Refused with a message fit for the desk, and not one row of any table changed (change_log included). */
async function refusedWritingNothing(call: string, input: unknown) {
  const before = rowCounts(api.host.database.sqlite);
  const updatedBefore = api.host.database.sqlite.prepare('SELECT max(updated_at) FROM appointments').pluck().get();
  const error = await api.refuse(call, input);
  expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  expect(api.host.database.sqlite.prepare('SELECT max(updated_at) FROM appointments').pluck().get()).toBe(updatedBefore);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/at .+\.ts|Error:|SQLITE|zod/i);
  return { code: error.code, field: error.field };
}

const schedule = (over: Record<string, unknown>) => ({ staffId: world.ana, name: 'Otro', durationMin: 30, serviceIds: [world.corte], ranges: [], ...over });
const booking = (over: Record<string, unknown>) => ({ clientId: world.clients[1]!, staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '11:00'), ...over });

describe('bad schedules', () => {
  it.each([
    ['overlapping ranges', { ranges: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:59', end: '13:00' }] }, 'overlapping_ranges', 'ranges.1'],
    ['inverted range', { ranges: [{ weekday: 1, start: '09:00', end: '10:00' }, { weekday: 2, start: '18:00', end: '10:00' }] }, 'overlapping_ranges', 'ranges.1'],
    ['a range inside another', { ranges: [{ weekday: 4, start: '09:00', end: '14:00' }, { weekday: 4, start: '10:00', end: '11:00' }] }, 'overlapping_ranges', 'ranges.1'],
    ['zero duration', { durationMin: 0 }, 'out_of_range', 'durationMin'],
    ['negative duration', { durationMin: -30 }, 'out_of_range', 'durationMin'],
    ['fractional duration', { durationMin: 12.5 }, undefined, 'durationMin'],
    ['negative buffer before', { bufferBeforeMin: -5 }, 'out_of_range', 'bufferBeforeMin'],
    ['negative buffer after', { bufferAfterMin: -1 }, 'out_of_range', 'bufferAfterMin'],
    ['negative lead time', { leadTimeMin: -60 }, 'out_of_range', 'leadTimeMin'],
    ['zero horizon', { horizonDays: 0 }, 'out_of_range', 'horizonDays'],
    ['no services', { serviceIds: [] }, 'required', 'serviceIds'],
    ['unknown service', () => ({ serviceIds: [world.corte, unknownId] }), 'not_found', 'serviceIds.1'],
    ['unknown tag', { tagIds: [unknownId] }, 'not_found', 'tagIds.0'],
    ['unknown professional', { staffId: unknownId }, 'not_found', 'staffId'],
    ['weekday 0', { ranges: [{ weekday: 0, start: '09:00', end: '10:00' }] }, 'out_of_range', 'ranges.0.weekday'],
    ['malformed time', { ranges: [{ weekday: 1, start: '9:00', end: '10:00' }] }, 'invalid_input', 'ranges.0.start'],
    ['past midnight', { ranges: [{ weekday: 1, start: '22:00', end: '24:30' }] }, 'invalid_input', 'ranges.0.end'],
    ['start at 24:00', { ranges: [{ weekday: 1, start: '24:00', end: '24:00' }] }, 'invalid_input', 'ranges.0.start'],
    ['unknown visibility', { visibility: 'vip' }, 'invalid_choice', 'visibility'],
  ])('schedules.create refuses %s', async (_name, over, code, field) => {
    const fields = (typeof over === 'function' ? over() : over) as Record<string, unknown>;
    const refused = await refusedWritingNothing('schedules.create', schedule(fields));
    expect(refused.field).toBe(field);
    if (code) expect(refused.code).toBe(code);
  });

  it('schedules.update refuses the same, and an unknown schedule', async () => {
    expect(await refusedWritingNothing('schedules.update', { id: scheduleId, ranges: [{ weekday: 1, start: '10:00', end: '09:00' }] })).toEqual({
      code: 'overlapping_ranges',
      field: 'ranges.0',
    });
    expect(await refusedWritingNothing('schedules.update', { id: scheduleId, durationMin: 0 })).toEqual({ code: 'out_of_range', field: 'durationMin' });
    expect(await refusedWritingNothing('schedules.update', { id: scheduleId, bufferAfterMin: -10 })).toEqual({ code: 'out_of_range', field: 'bufferAfterMin' });
    expect(await refusedWritingNothing('schedules.update', { id: scheduleId, leadTimeMin: -1 })).toEqual({ code: 'out_of_range', field: 'leadTimeMin' });
    expect(await refusedWritingNothing('schedules.update', { id: scheduleId, tagIds: [unknownId] })).toEqual({ code: 'not_found', field: 'tagIds.0' });
    expect(await refusedWritingNothing('schedules.update', { id: unknownId, name: 'X' })).toEqual({ code: 'not_found', field: 'id' });
    expect(await refusedWritingNothing('schedules.delete', { id: unknownId })).toEqual({ code: 'not_found', field: 'id' });
  });

  it('schedules.setException refuses bad ranges and references', async () => {
    const day = { staffId: world.ana, date: MONDAY };
    expect(await refusedWritingNothing('schedules.setException', { ...day, kind: 'hours', ranges: [{ start: '10:00', end: '12:00' }, { start: '09:00', end: '10:01' }] })).toEqual({
      code: 'overlapping_ranges',
      field: 'ranges.1',
    });
    expect(await refusedWritingNothing('schedules.setException', { ...day, kind: 'hours', ranges: [{ start: '10:00', end: '10:00' }] })).toEqual({
      code: 'overlapping_ranges',
      field: 'ranges.0',
    });
    expect(await refusedWritingNothing('schedules.setException', { ...day, kind: 'hours' })).toEqual({ code: 'ranges_required', field: 'ranges' });
    expect(await refusedWritingNothing('schedules.setException', { ...day, kind: 'holiday' })).toEqual({ code: 'invalid_choice', field: 'kind' });
    expect(await refusedWritingNothing('schedules.setException', { ...day, date: '2027-02-29', kind: 'day_off' })).toEqual({ code: 'invalid_date', field: 'date' });
    expect(await refusedWritingNothing('schedules.setException', { ...day, staffId: world.bea, scheduleId, kind: 'day_off' })).toEqual({ code: 'invalid_input', field: 'scheduleId' });
    expect(await refusedWritingNothing('schedules.removeException', { id: unknownId })).toEqual({ code: 'not_found', field: 'id' });
  });
});

describe('bad bookings', () => {
  it.each([
    ['a service the schedule does not offer', () => booking({ serviceId: world.tinte }), 'service_not_offered', 'serviceId'],
    ['a slot outside the hours', () => booking({ startsAt: madrid(MONDAY, '13:00') }), 'outside_hours', 'startsAt'],
    ['a slot running past the hours', () => booking({ startsAt: madrid(MONDAY, '12:45') }), 'outside_hours', 'startsAt'],
    ['a slot over another appointment', () => booking({ startsAt: madrid(MONDAY, '10:15') }), 'slot_taken', 'startsAt'],
    ['a slot inside the lead time', () => booking({ startsAt: madrid('2027-03-01', '09:30') }), 'before_lead_time', 'startsAt'],
    ['a slot beyond the horizon', () => booking({ startsAt: madrid('2027-04-01', '10:00') }), 'beyond_horizon', 'startsAt'],
    ['a past start', () => booking({ startsAt: madrid('2027-03-01', '08:30') }), 'appointment_past', 'startsAt'],
    ['a past start, even with override', () => booking({ startsAt: madrid('2027-02-26', '10:00'), override: true }), 'appointment_past', 'startsAt'],
    ['a blacklisted client', () => booking({ clientId: blacklisted }), 'client_blacklisted', 'clientId'],
    ['an inactive professional', () => booking({ staffId: inactiveStaff }), 'staff_inactive', 'staffId'],
    ['an unknown client', () => booking({ clientId: unknownId }), 'not_found', 'clientId'],
    ['an unknown professional', () => booking({ staffId: unknownId }), 'not_found', 'staffId'],
    ['an unknown service', () => booking({ serviceId: unknownId }), 'not_found', 'serviceId'],
    ['a client booking with override', () => booking({ source: 'client', override: true }), 'invalid_input', 'override'],
    ['a malformed start', () => booking({ startsAt: '2027-03-08 10:00' }), 'invalid_input', 'startsAt'],
    ['a start off the whole minute', () => booking({ startsAt: '2027-03-08T10:00:30.000Z' }), 'invalid_input', 'startsAt'],
    ['a start with no zone', () => booking({ startsAt: '2027-03-08T10:00:00' }), 'invalid_input', 'startsAt'],
    ['an unknown source', () => booking({ source: 'web' }), 'invalid_choice', 'source'],
    ['a malformed id', () => booking({ clientId: '1 OR 1=1' }), 'invalid_input', 'clientId'],
  ])('appointments.book refuses %s', async (_name, input, code, field) => {
    expect(await refusedWritingNothing('appointments.book', input())).toEqual({ code, field });
  });

  it('refuses bad reschedules, cancellations and status changes', async () => {
    expect(await refusedWritingNothing('appointments.reschedule', { appointmentId, startsAt: madrid(MONDAY, '08:00') })).toEqual({ code: 'outside_hours', field: 'startsAt' });
    expect(await refusedWritingNothing('appointments.reschedule', { appointmentId, startsAt: madrid(MONDAY, '11:00'), staffId: inactiveStaff })).toEqual({
      code: 'staff_inactive',
      field: 'staffId',
    });
    expect(await refusedWritingNothing('appointments.reschedule', { appointmentId, startsAt: madrid(MONDAY, '11:00'), staffId: world.bea })).toEqual({
      code: 'service_not_offered',
      field: 'serviceId',
    });
    expect(await refusedWritingNothing('appointments.reschedule', { appointmentId: unknownId, startsAt: madrid(MONDAY, '11:00') })).toEqual({ code: 'not_found', field: 'appointmentId' });
    expect(await refusedWritingNothing('appointments.setStatus', { appointmentId, status: 'attended' })).toEqual({ code: 'invalid_status_change', field: 'status' });
    expect(await refusedWritingNothing('appointments.setStatus', { appointmentId, status: 'cancelled' })).toEqual({ code: 'invalid_choice', field: 'status' });
    expect(await refusedWritingNothing('appointments.cancel', { appointmentId: unknownId })).toEqual({ code: 'not_found', field: 'appointmentId' });
    expect(await refusedWritingNothing('appointments.cancel', { appointmentId, reason: 'x'.repeat(301) })).toEqual({ code: 'too_long', field: 'reason' });
  });

  it('refuses bad slot searches', async () => {
    const find = (over: Record<string, unknown>) => ({ serviceId: world.corte, from: MONDAY, to: MONDAY, ...over });
    expect(await api.refuse('slots.find', find({ to: '2027-03-07' }))).toMatchObject({ code: 'end_before_start', field: 'to' });
    expect(await api.refuse('slots.find', find({ to: '2027-05-09' }))).toMatchObject({ code: 'range_too_long', field: 'to' });
    expect(await api.refuse('slots.find', find({ stepMin: 0 }))).toMatchObject({ field: 'stepMin' });
    expect(await api.refuse('slots.find', find({ staffId: inactiveStaff }))).toMatchObject({ code: 'staff_inactive', field: 'staffId' });
    expect(await api.refuse('slots.find', find({ from: '2027-13-01' }))).toMatchObject({ code: 'invalid_date', field: 'from' });
  });
});
