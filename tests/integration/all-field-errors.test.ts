import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src-shared/api/result';
import { errorMessage } from '../../src-shared/i18n/errors';
import { createSeries, dayFromToday, occurrencesOf, unknownId } from '../helpers/agenda-fixtures';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { everyDay } from './appointment-world';
import { rowCounts } from './db-inspect';

/**
 * Issue 12, item 6: a form with several bad fields is answered with every one of them at once,
 * each by its code and a Spanish message — those the desk checks by hand (a name taken, a
 * recurrence that ends before it starts, a link an online session lacks, a time zone) as well as
 * those the contract refuses, together.
 */
let api: TempApi;
let ana: string;
let corte: string;
beforeAll(async () => {
  api = await openTempApi();
  ana = (await api.call('staff.create', { name: 'Ana Profe', role: 'professional' })).id;
  await api.call('sessionTypes.create', { name: 'Pilates', defaultDurationMin: 60 });
  corte = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 })).id;
});
afterAll(async () => {
  await api.close();
});

/** The refusal's fields as { field: code }, after checking each message is the Spanish one; nothing is written. */
async function badFields(call: string, input: unknown): Promise<Record<string, string>> {
  const before = rowCounts(api.host.database.sqlite);
  const error: ApiError = await api.refuse(call, input);
  expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  expect(error.fields, JSON.stringify(error)).toBeDefined();
  const fields = error.fields ?? [];
  // The first field answers the error itself, as before.
  expect(error.field).toBe(fields[0]?.field);
  expect(error.code).toBe(fields[0]?.code);
  for (const entry of fields) {
    expect(entry.message).toBe(errorMessage('es', entry.code));
    expect(entry.message).not.toBe(errorMessage('en', entry.code));
  }
  return Object.fromEntries(fields.map((f) => [f.field, f.code]));
}

const weekly = (untilDate: string) => ({ weekdays: [1], intervalWeeks: 1, end: { kind: 'until' as const, date: untilDate } });

describe('series.create', () => {
  it('names every hand-made problem at once: the end before the start, the missing link, the unknown session type', async () => {
    const start = dayFromToday(14);
    expect(
      await badFields('series.create', {
        title: 'Pilates',
        organizerId: ana,
        sessionTypeId: unknownId,
        startDate: start,
        startTime: '09:00',
        durationMin: 60,
        mode: 'online',
        recurrence: weekly(dayFromToday(7)),
      }),
    ).toEqual({ 'recurrence.end.date': 'end_before_start', sessionTypeId: 'not_found', onlineLink: 'required' });
  });

  it('names the fields the contract refused together with the hand-made ones', async () => {
    expect(
      await badFields('series.create', {
        title: '',
        organizerId: unknownId,
        startDate: dayFromToday(14),
        startTime: '25:00',
        durationMin: 60,
        mode: 'online',
        recurrence: weekly(dayFromToday(7)),
      }),
    ).toEqual({
      title: 'required',
      startTime: 'invalid_input',
      'recurrence.end.date': 'end_before_start',
      onlineLink: 'required',
      organizerId: 'not_found',
    });
  });
});

describe('series.update', () => {
  it("names every hand-made problem of a change to 'all' at once", async () => {
    const { series } = await createSeries(api, ana, { recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } } });
    const [first] = occurrencesOf(api, series.id);
    expect(
      await badFields('series.update', {
        occurrenceId: first!.id,
        scope: 'all',
        changes: { organizerId: unknownId, mode: 'online', recurrence: weekly(dayFromToday(1)) },
      }),
    ).toEqual({ 'changes.organizerId': 'not_found', 'changes.recurrence.end.date': 'end_before_start', 'changes.onlineLink': 'required' });
  });

  it('names the fields the contract refused together with the hand-made ones', async () => {
    const { series } = await createSeries(api, ana, { recurrence: { weekdays: [2], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } } });
    const [first] = occurrencesOf(api, series.id);
    expect(
      await badFields('series.update', {
        occurrenceId: first!.id,
        scope: 'all',
        changes: { title: '', durationMin: 0, date: dayFromToday(20), mode: 'online', recurrence: weekly(dayFromToday(1)) },
      }),
    ).toEqual({
      'changes.title': 'required',
      'changes.durationMin': 'out_of_range',
      'changes.date': 'scope_not_allowed',
      'changes.recurrence.end.date': 'end_before_start',
      'changes.onlineLink': 'required',
    });
  });

  it("names every field one occurrence may not change at once, with the contract's refusals", async () => {
    const { series } = await createSeries(api, ana);
    const [only] = occurrencesOf(api, series.id);
    expect(
      await badFields('series.update', { occurrenceId: only!.id, scope: 'occurrence', changes: { description: 'Nueva', mode: 'online', places: -1 } }),
    ).toEqual({ 'changes.places': 'out_of_range', 'changes.description': 'scope_not_allowed', 'changes.mode': 'scope_not_allowed' });
    expect(
      await badFields('series.update', { occurrenceId: only!.id, scope: 'occurrence', changes: { description: 'Nueva', organizerId: unknownId } }),
    ).toEqual({ 'changes.description': 'scope_not_allowed', 'changes.organizerId': 'not_found' });
  });
});

describe('staff, session types and services', () => {
  it('staff.create and staff.update: a name taken, with a bad colour and role', async () => {
    expect(await badFields('staff.create', { name: 'ana profe', colour: 'rojo', role: 'professional' })).toEqual({ colour: 'invalid_input', name: 'duplicate_name' });
    const bea = (await api.call('staff.create', { name: 'Bea Profe', role: 'professional' })).id;
    expect(await badFields('staff.update', { id: bea, name: 'ÁNA PROFE', role: 'jefa' })).toEqual({ role: 'invalid_choice', name: 'duplicate_name' });
  });

  it('sessionTypes.create and update: a name taken, with a bad duration and places', async () => {
    expect(await badFields('sessionTypes.create', { name: 'PILATES', defaultDurationMin: 0, defaultPlaces: -3 })).toEqual({
      defaultDurationMin: 'out_of_range',
      defaultPlaces: 'out_of_range',
      name: 'duplicate_name',
    });
    const yoga = await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 });
    expect(await badFields('sessionTypes.update', { id: yoga.id, name: 'pilátes', defaultDurationMin: 2000 })).toEqual({
      defaultDurationMin: 'out_of_range',
      name: 'duplicate_name',
    });
  });

  it('services.create and update: a name taken, with a bad duration and price', async () => {
    expect(await badFields('services.create', { name: 'corte', durationMin: 0, priceMinor: -1 })).toEqual({
      durationMin: 'out_of_range',
      priceMinor: 'out_of_range',
      name: 'duplicate_name',
    });
    const tinte = await api.call('services.create', { name: 'Tinte', durationMin: 60, priceMinor: 4500 });
    expect(await badFields('services.update', { id: tinte.id, name: 'CORTE', priceMinor: 1.5 })).toEqual({ priceMinor: 'invalid_type', name: 'duplicate_name' });
  });
});

describe('schedules', () => {
  const overlapping = [
    { weekday: 1, start: '09:00', end: '14:00' },
    { weekday: 1, start: '13:00', end: '15:00' },
    { weekday: 2, start: '12:00', end: '10:00' },
  ];

  it('schedules.create names every hand-made problem at once: the professional, each bad range, the service', async () => {
    expect(
      await badFields('schedules.create', { staffId: unknownId, name: 'Peluquería', durationMin: 30, serviceIds: [corte, unknownId], ranges: overlapping }),
    ).toEqual({ staffId: 'not_found', 'ranges.1': 'overlapping_ranges', 'ranges.2': 'overlapping_ranges', 'serviceIds.1': 'not_found' });
  });

  it("schedules.create names the contract's refusals with the hand-made ones", async () => {
    expect(await badFields('schedules.create', { staffId: ana, name: '', durationMin: 30, horizonDays: 0, serviceIds: [unknownId], ranges: overlapping })).toEqual({
      name: 'required',
      horizonDays: 'out_of_range',
      'ranges.1': 'overlapping_ranges',
      'ranges.2': 'overlapping_ranges',
      'serviceIds.0': 'not_found',
    });
  });

  it('schedules.update names every bad field at once', async () => {
    const schedule = await api.call('schedules.create', { staffId: ana, name: 'Peluquería', durationMin: 30, serviceIds: [corte], ranges: everyDay(['09:00', '14:00']) });
    expect(await badFields('schedules.update', { id: schedule.id, bufferBeforeMin: 999, tagIds: [unknownId], ranges: overlapping })).toEqual({
      bufferBeforeMin: 'out_of_range',
      'ranges.1': 'overlapping_ranges',
      'ranges.2': 'overlapping_ranges',
      'tagIds.0': 'not_found',
    });
    expect(await badFields('schedules.update', { id: schedule.id, serviceIds: [unknownId], ranges: overlapping })).toEqual({
      'ranges.1': 'overlapping_ranges',
      'ranges.2': 'overlapping_ranges',
      'serviceIds.0': 'not_found',
    });
  });

  it('schedules.setException names the professional and each bad range at once, with the contract refusals', async () => {
    const ranges = [
      { start: '09:00', end: '12:00' },
      { start: '11:00', end: '13:00' },
    ];
    expect(await badFields('schedules.setException', { staffId: unknownId, date: dayFromToday(3), kind: 'hours', ranges })).toEqual({
      staffId: 'not_found',
      'ranges.1': 'overlapping_ranges',
    });
    expect(await badFields('schedules.setException', { staffId: ana, date: 'mañana', kind: 'hours', ranges })).toEqual({ date: 'invalid_date', 'ranges.1': 'overlapping_ranges' });
  });
});

describe('settings.update', () => {
  it('names the time zone and the currency at once', async () => {
    expect(await badFields('settings.update', { timeZone: 'Marte/Base', currency: 'QQQ' })).toEqual({ timeZone: 'invalid_time_zone', currency: 'invalid_currency' });
  });

  it("names the contract's refusals with the hand-made ones", async () => {
    expect(await badFields('settings.update', { lockAfterMinutes: 999, timeZone: 'Marte/Base', currency: 'QQQ' })).toEqual({
      lockAfterMinutes: 'out_of_range',
      timeZone: 'invalid_time_zone',
      currency: 'invalid_currency',
    });
    // Nothing of it was kept.
    expect((await api.call('settings.get', {})).timeZone).toBe('Europe/Madrid');
  });
});
