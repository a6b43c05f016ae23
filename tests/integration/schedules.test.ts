import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { dayFromToday, unknownId } from '../helpers/agenda-fixtures';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, madrid } from './appointment-world';
import { rowCounts } from './db-inspect';

let api: TempApi;
let world: AppointmentWorld;
beforeEach(async () => {
  api = await openTempApi();
  world = await appointmentWorld(api, 2);
});
afterEach(async () => {
  await api.close();
});

/** Refused, with nothing written anywhere. */
async function refusedWritingNothing(call: string, input: unknown) {
  const before = rowCounts(api.host.database.sqlite);
  const error = await api.refuse(call, input);
  expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  return { code: error.code, field: error.field };
}

describe('schedules.create / get / list', () => {
  it('stores every field and answers the whole schedule, ranges sorted by weekday then start', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    // Every setting away from its default: each must come back as given.
    const settings = {
      name: 'Color',
      durationMin: 45,
      bufferBeforeMin: 5,
      bufferAfterMin: 10,
      leadTimeMin: 120,
      horizonDays: 30,
      visibility: 'tags' as const,
      tagMatch: 'all' as const,
      tagIds: [vip.id],
      redeemableWithPasses: true,
    };
    const created = await api.call('schedules.create', {
      staffId: world.ana,
      ...settings,
      serviceIds: [world.tinte, world.corte],
      ranges: [
        { weekday: 3, start: '16:00', end: '20:00' },
        { weekday: 1, start: '16:00', end: '24:00' },
        { weekday: 1, start: '09:00', end: '13:00' },
        // Touching ranges are fine.
        { weekday: 1, start: '13:00', end: '14:00' },
      ],
    });
    expect(created).toMatchObject({ staffId: world.ana, staffName: 'Ana Estilista', ...settings, active: true });
    expect([...created.serviceIds].sort()).toEqual([world.corte, world.tinte].sort());
    expect(created.ranges).toEqual([
      { weekday: 1, start: '09:00', end: '13:00' },
      { weekday: 1, start: '13:00', end: '14:00' },
      { weekday: 1, start: '16:00', end: '24:00' },
      { weekday: 3, start: '16:00', end: '20:00' },
    ]);
    expect(await api.call('schedules.get', { id: created.id })).toEqual(created);
  });

  it('fills the defaults: no buffers, no lead time, visible to all, not redeemable, active', async () => {
    const created = await api.call('schedules.create', { staffId: world.ana, name: 'Corte', durationMin: 30, serviceIds: [world.corte], ranges: [] });
    expect(created).toMatchObject({
      bufferBeforeMin: 0,
      bufferAfterMin: 0,
      leadTimeMin: 0,
      visibility: 'all',
      tagIds: [],
      redeemableWithPasses: false,
      active: true,
      ranges: [],
    });
    expect(created.horizonDays).toBeGreaterThan(0);
  });

  it('lists by professional name, then schedule name; inactive ones only when asked', async () => {
    await createSchedule(api, world.carla, [world.corte], { name: 'A' });
    await createSchedule(api, world.ana, [world.corte], { name: 'Zeta' });
    await createSchedule(api, world.bea, [world.corte], { name: 'Mañanas' });
    await createSchedule(api, world.ana, [world.tinte], { name: 'Beta' });
    const off = await createSchedule(api, world.ana, [world.tinte], { name: 'Cerrado', active: false });
    const list = await api.call('schedules.list', {});
    expect(list.map((s) => [s.staffName, s.name])).toEqual([
      ['Ana Estilista', 'Beta'],
      ['Ana Estilista', 'Zeta'],
      ['Bea Estilista', 'Mañanas'],
      ['Carla Estilista', 'A'],
    ]);
    const withInactive = await api.call('schedules.list', { includeInactive: true });
    expect(withInactive.map((s) => s.name)).toEqual(['Beta', 'Cerrado', 'Zeta', 'Mañanas', 'A']);
    expect(withInactive.find((s) => s.id === off.id)?.active).toBe(false);
    expect((await api.call('schedules.list', { staffId: world.ana })).map((s) => s.name)).toEqual(['Beta', 'Zeta']);
    expect(await api.call('schedules.list', { staffId: unknownId })).toEqual([]);
  });

  it('refuses unknown references, naming the list entry, and overlapping or inverted ranges', async () => {
    const base = { staffId: world.ana, name: 'X', durationMin: 30, serviceIds: [world.corte], ranges: [] };
    expect(await refusedWritingNothing('schedules.create', { ...base, staffId: unknownId })).toEqual({ code: 'not_found', field: 'staffId' });
    expect(await refusedWritingNothing('schedules.create', { ...base, serviceIds: [world.corte, unknownId] })).toEqual({ code: 'not_found', field: 'serviceIds.1' });
    expect(await refusedWritingNothing('schedules.create', { ...base, tagIds: [unknownId] })).toEqual({ code: 'not_found', field: 'tagIds.0' });
    expect(await refusedWritingNothing('schedules.create', { ...base, serviceIds: [] })).toMatchObject({ field: 'serviceIds' });
    const overlapping = [
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 3, start: '10:00', end: '11:00' },
      { weekday: 2, start: '11:30', end: '13:00' },
    ];
    expect(await refusedWritingNothing('schedules.create', { ...base, ranges: overlapping })).toEqual({ code: 'overlapping_ranges', field: 'ranges.2' });
    const inverted = [{ weekday: 2, start: '12:00', end: '09:00' }];
    expect(await refusedWritingNothing('schedules.create', { ...base, ranges: inverted })).toEqual({ code: 'overlapping_ranges', field: 'ranges.0' });
    const empty = [{ weekday: 2, start: '09:00', end: '09:00' }];
    expect(await refusedWritingNothing('schedules.create', { ...base, ranges: empty })).toEqual({ code: 'overlapping_ranges', field: 'ranges.0' });
  });
});

describe('schedules.update / delete', () => {
  it('changes the given fields and replaces ranges, services and tags only when given', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    const schedule = await createSchedule(api, world.ana, [world.corte], { tagIds: [vip.id] });
    const renamed = await api.call('schedules.update', { id: schedule.id, name: 'Tardes', bufferAfterMin: 15 });
    expect(renamed).toMatchObject({ name: 'Tardes', bufferAfterMin: 15, durationMin: 30, tagIds: [vip.id], serviceIds: [world.corte] });
    expect(renamed.ranges).toEqual(schedule.ranges);

    const replaced = await api.call('schedules.update', {
      id: schedule.id,
      serviceIds: [world.tinte],
      tagIds: [],
      ranges: [{ weekday: 5, start: '10:00', end: '12:00' }],
      active: false,
    });
    expect(replaced).toMatchObject({ serviceIds: [world.tinte], tagIds: [], ranges: [{ weekday: 5, start: '10:00', end: '12:00' }], active: false });
    expect(await refusedWritingNothing('schedules.update', { id: schedule.id, ranges: [{ weekday: 1, start: '10:00', end: '12:00' }, { weekday: 1, start: '09:00', end: '10:30' }] })).toEqual({
      code: 'overlapping_ranges',
      field: 'ranges.1',
    });
    expect(await refusedWritingNothing('schedules.update', { id: schedule.id, serviceIds: [unknownId] })).toEqual({ code: 'not_found', field: 'serviceIds.0' });
    expect(await refusedWritingNothing('schedules.update', { id: unknownId, name: 'X' })).toEqual({ code: 'not_found', field: 'id' });
    expect((await api.call('schedules.get', { id: schedule.id })).serviceIds).toEqual([world.tinte]);
  });

  it('deletes a schedule with its ranges and exceptions; its appointments stay as booked', async () => {
    const schedule = await createSchedule(api, world.ana, [world.corte], { bufferAfterMin: 10 });
    const date = dayFromToday(3);
    await api.call('schedules.setException', { staffId: world.ana, scheduleId: schedule.id, date, kind: 'day_off' });
    const booked = await api.call('appointments.book', { clientId: world.clients[0]!, staffId: world.ana, serviceId: world.corte, startsAt: madrid(dayFromToday(2), '10:00') });
    expect(booked.scheduleId).toBe(schedule.id);
    await api.call('schedules.delete', { id: schedule.id });
    await expect(api.refuse('schedules.get', { id: schedule.id })).resolves.toMatchObject({ code: 'not_found', field: 'id' });
    const kept = await api.call('appointments.get', { appointmentId: booked.id });
    expect(kept).toMatchObject({ scheduleId: null, status: 'booked', startsAt: booked.startsAt, endsAt: booked.endsAt, bufferAfterMin: 10 });
    const sqlite = api.host.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM schedule_ranges').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM schedule_services').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM schedule_exceptions').pluck().get()).toBe(0);
    expect(await refusedWritingNothing('schedules.delete', { id: schedule.id })).toEqual({ code: 'not_found', field: 'id' });
  });
});

describe('schedules.setException / exceptions / removeException', () => {
  it('sets one exception per professional, schedule (or all) and date: setting it again replaces it', async () => {
    const schedule = await createSchedule(api, world.ana, [world.corte]);
    const date = dayFromToday(5);
    const all = await api.call('schedules.setException', { staffId: world.ana, date, kind: 'day_off', note: 'Médico' });
    expect(all).toMatchObject({ staffId: world.ana, scheduleId: null, date, kind: 'day_off', ranges: [], note: 'Médico' });
    const own = await api.call('schedules.setException', {
      staffId: world.ana,
      scheduleId: schedule.id,
      date,
      kind: 'hours',
      ranges: [
        { start: '16:00', end: '18:00' },
        { start: '10:00', end: '12:00' },
      ],
    });
    expect(own).toMatchObject({ scheduleId: schedule.id, kind: 'hours', ranges: [{ start: '10:00', end: '12:00' }, { start: '16:00', end: '18:00' }], note: null });
    const again = await api.call('schedules.setException', { staffId: world.ana, date, kind: 'hours', ranges: [{ start: '09:00', end: '11:00' }] });
    expect(again.id).toBe(all.id);
    expect(again).toMatchObject({ kind: 'hours', ranges: [{ start: '09:00', end: '11:00' }], note: null });
    await api.call('schedules.setException', { staffId: world.bea, date: dayFromToday(6), kind: 'day_off' });

    const listed = await api.call('schedules.exceptions', { from: dayFromToday(0), to: dayFromToday(30) });
    expect(listed.map((e) => [e.staffId, e.scheduleId, e.date])).toEqual([
      [world.ana, null, date],
      [world.ana, schedule.id, date],
      [world.bea, null, dayFromToday(6)],
    ]);
    expect((await api.call('schedules.exceptions', { staffId: world.bea, from: dayFromToday(0), to: dayFromToday(30) })).length).toBe(1);
    expect(await api.call('schedules.exceptions', { from: dayFromToday(7), to: dayFromToday(30) })).toEqual([]);

    await api.call('schedules.removeException', { id: own.id });
    expect((await api.call('schedules.exceptions', { staffId: world.ana, from: date, to: date })).map((e) => e.id)).toEqual([all.id]);
    expect(await refusedWritingNothing('schedules.removeException', { id: own.id })).toEqual({ code: 'not_found', field: 'id' });
  });

  it('refuses a schedule of another professional, hours without ranges, overlapping ranges, ranges on a day off', async () => {
    const beaSchedule = await createSchedule(api, world.bea, [world.corte]);
    const date = dayFromToday(4);
    expect(await refusedWritingNothing('schedules.setException', { staffId: world.ana, scheduleId: beaSchedule.id, date, kind: 'day_off' })).toEqual({
      code: 'invalid_input',
      field: 'scheduleId',
    });
    expect(await refusedWritingNothing('schedules.setException', { staffId: world.ana, scheduleId: unknownId, date, kind: 'day_off' })).toEqual({
      code: 'not_found',
      field: 'scheduleId',
    });
    expect(await refusedWritingNothing('schedules.setException', { staffId: unknownId, date, kind: 'day_off' })).toEqual({ code: 'not_found', field: 'staffId' });
    expect(await refusedWritingNothing('schedules.setException', { staffId: world.ana, date, kind: 'hours' })).toEqual({ code: 'ranges_required', field: 'ranges' });
    expect(await refusedWritingNothing('schedules.setException', { staffId: world.ana, date, kind: 'hours', ranges: [] })).toEqual({ code: 'ranges_required', field: 'ranges' });
    const overlapping = [
      { start: '09:00', end: '12:00' },
      { start: '11:00', end: '13:00' },
    ];
    expect(await refusedWritingNothing('schedules.setException', { staffId: world.ana, date, kind: 'hours', ranges: overlapping })).toEqual({
      code: 'overlapping_ranges',
      field: 'ranges.1',
    });
    expect(await refusedWritingNothing('schedules.setException', { staffId: world.ana, date, kind: 'hours', ranges: [{ start: '12:00', end: '11:00' }] })).toEqual({
      code: 'overlapping_ranges',
      field: 'ranges.0',
    });
    expect(await refusedWritingNothing('schedules.setException', { staffId: world.ana, date, kind: 'day_off', ranges: [{ start: '09:00', end: '11:00' }] })).toEqual({
      code: 'invalid_input',
      field: 'ranges',
    });
  });

  it('lists at most 400 days, and refuses an end before the start', async () => {
    // 2027-01-01 to 2028-02-04 is 400 days, both ends included.
    expect(await api.call('schedules.exceptions', { from: '2027-01-01', to: '2028-02-04' })).toEqual([]);
    expect(await api.refuse('schedules.exceptions', { from: '2027-01-01', to: '2028-02-05' })).toMatchObject({ code: 'range_too_long', field: 'to' });
    expect(await api.refuse('schedules.exceptions', { from: '2027-01-02', to: '2027-01-01' })).toMatchObject({ code: 'end_before_start', field: 'to' });
  });
});

describe('holidays', () => {
  it('sets, renames, lists by date and removes centre holidays', async () => {
    expect(await api.call('holidays.set', { date: '2027-01-06', name: 'Reyes' })).toEqual({ date: '2027-01-06', name: 'Reyes' });
    await api.call('holidays.set', { date: '2026-12-25', name: 'Navidad' });
    await api.call('holidays.set', { date: '2027-01-06', name: 'Día de Reyes' });
    expect(await api.call('holidays.list', {})).toEqual([
      { date: '2026-12-25', name: 'Navidad' },
      { date: '2027-01-06', name: 'Día de Reyes' },
    ]);
    expect(await api.call('holidays.list', { from: '2027-01-01' })).toEqual([{ date: '2027-01-06', name: 'Día de Reyes' }]);
    expect(await api.call('holidays.list', { to: '2026-12-31' })).toEqual([{ date: '2026-12-25', name: 'Navidad' }]);
    expect(await api.refuse('holidays.list', { from: '2027-01-02', to: '2027-01-01' })).toMatchObject({ code: 'end_before_start', field: 'to' });
    expect(await api.call('holidays.remove', { date: '2026-12-25' })).toEqual({ date: '2026-12-25' });
    expect(await refusedWritingNothing('holidays.remove', { date: '2026-12-25' })).toEqual({ code: 'not_found', field: 'date' });
    expect(await refusedWritingNothing('holidays.set', { date: '2027-02-30', name: 'X' })).toMatchObject({ code: 'invalid_date', field: 'date' });
    expect(await refusedWritingNothing('holidays.set', { date: '2027-03-01', name: ' ' })).toMatchObject({ code: 'required', field: 'name' });
  });
});
