import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { fixClock } from '../helpers/fixed-clock';
import { localDateOf, localTimeOf, numberedClients, occurrencesOf } from '../helpers/agenda-fixtures';
import { appointmentWorld, createSchedule } from './appointment-world';

let api: TempApi;
let organizerId: string;
beforeEach(async () => {
  api = await openTempApi();
  organizerId = (await api.call('staff.create', { name: 'Ana', role: 'professional' })).id;
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

async function weekly(timeZone: string, startDate: string, weekdays: number[], weeks: number, startTime = '09:00') {
  await api.call('settings.update', { timeZone });
  const { series } = await api.call('series.create', {
    title: 'Clase',
    organizerId,
    startDate,
    startTime,
    durationMin: 60,
    places: 10,
    recurrence: { weekdays, intervalWeeks: 1, end: { kind: 'weeks', weeks } },
  });
  expect(series.timeZone).toBe(timeZone);
  const last = new Date(`${startDate}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + weeks * 7);
  const { occurrences } = await api.call('agenda.range', { from: startDate, to: last.toISOString().slice(0, 10) });
  return occurrences.filter((o) => o.seriesId === series.id);
}

const utc = (iso: string) => iso.slice(0, 16) + 'Z';

describe('a weekly 09:00 class stays at 09:00 local across daylight-saving changes', () => {
  it('Europe/Madrid, spring and autumn', async () => {
    const spring = await weekly('Europe/Madrid', '2031-03-24', [1, 3], 2);
    expect(spring.map((o) => [o.localDate, utc(o.startsAt)])).toEqual([
      ['2031-03-24', '2031-03-24T08:00Z'],
      ['2031-03-26', '2031-03-26T08:00Z'],
      ['2031-03-31', '2031-03-31T07:00Z'],
      ['2031-04-02', '2031-04-02T07:00Z'],
    ]);
    const autumn = await weekly('Europe/Madrid', '2031-10-20', [1, 7], 2);
    expect(autumn.map((o) => [o.localDate, utc(o.startsAt)])).toEqual([
      ['2031-10-20', '2031-10-20T07:00Z'],
      ['2031-10-26', '2031-10-26T08:00Z'],
      ['2031-10-27', '2031-10-27T08:00Z'],
      ['2031-11-02', '2031-11-02T08:00Z'],
    ]);
    for (const o of [...spring, ...autumn]) {
      expect(o.localStart).toBe('09:00');
      expect(localTimeOf(o.startsAt, 'Europe/Madrid')).toBe('09:00');
      expect(localDateOf(o.startsAt, 'Europe/Madrid')).toBe(o.localDate);
      expect(Date.parse(o.endsAt) - Date.parse(o.startsAt)).toBe(3_600_000);
    }
  });

  it('America/Santiago, including the 2022 change moved to 11 September', async () => {
    // Chile's 2022 spring-forward was postponed from 4 to 11 September (00:00 → 01:00).
    const sept = await weekly('America/Santiago', '2022-08-29', [7], 3);
    expect(sept.map((o) => [o.localDate, utc(o.startsAt)])).toEqual([
      ['2022-09-04', '2022-09-04T13:00Z'],
      ['2022-09-11', '2022-09-11T12:00Z'],
      ['2022-09-18', '2022-09-18T12:00Z'],
    ]);
    // And back on 3 April 2022 (00:00 → 23:00 the day before).
    const april = await weekly('America/Santiago', '2022-03-28', [6, 7], 2);
    expect(april.map((o) => [o.localDate, utc(o.startsAt)])).toEqual([
      ['2022-04-02', '2022-04-02T12:00Z'],
      ['2022-04-03', '2022-04-03T13:00Z'],
      ['2022-04-09', '2022-04-09T13:00Z'],
      ['2022-04-10', '2022-04-10T13:00Z'],
    ]);
    for (const o of [...sept, ...april]) {
      expect(o.localStart).toBe('09:00');
      expect(localTimeOf(o.startsAt, 'America/Santiago')).toBe('09:00');
      expect(localDateOf(o.startsAt, 'America/Santiago')).toBe(o.localDate);
    }
  });

  it('Santiago: a start inside the spring-forward gap moves forward by the gap (00:30 → 01:30 -03)', async () => {
    const occ = await weekly('America/Santiago', '2022-09-04', [7], 2, '00:30');
    // The agenda shows the time it happens: 01:30 on the night the clocks skip 00:00–00:59.
    expect(occ.map((o) => [o.localDate, o.localStart, utc(o.startsAt)])).toEqual([
      ['2022-09-04', '00:30', '2022-09-04T04:30Z'],
      ['2022-09-11', '01:30', '2022-09-11T04:30Z'],
    ]);
    expect(localTimeOf(occ[1]!.startsAt, 'America/Santiago')).toBe('01:30');
  });

  it('Madrid: a 02:30 class on the spring-forward night starts at 03:30 CEST', async () => {
    const occ = await weekly('Europe/Madrid', '2031-03-23', [7], 2, '02:30');
    expect(occ.map((o) => utc(o.startsAt))).toEqual(['2031-03-23T01:30Z', '2031-03-30T01:30Z']);
    expect(localTimeOf(occ[1]!.startsAt, 'Europe/Madrid')).toBe('03:30');
    expect(occ.map((o) => o.localStart)).toEqual(['02:30', '03:30']);
  });

  it("a series keeps its zone; 'all' time changes stay wall-clock across the change", async () => {
    await api.call('settings.update', { timeZone: 'Europe/Madrid' });
    const { series } = await api.call('series.create', {
      title: 'Clase',
      organizerId,
      startDate: '2031-03-24',
      startTime: '09:00',
      durationMin: 60,
      recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } },
    });
    const { occurrences } = await api.call('agenda.range', { from: '2031-03-24', to: '2031-04-07' });
    await api.call('series.update', { occurrenceId: occurrences[0]!.id, scope: 'all', changes: { startTime: '19:30' } });
    const after = (await api.call('agenda.range', { from: '2031-03-24', to: '2031-04-07' })).occurrences.filter((o) => o.seriesId === series.id);
    expect(after.map((o) => utc(o.startsAt))).toEqual(['2031-03-24T18:30Z', '2031-03-31T17:30Z', '2031-04-07T17:30Z']);
    for (const o of after) expect([o.localStart, localTimeOf(o.startsAt, 'Europe/Madrid')]).toEqual(['19:30', '19:30']);
  });
});

describe('an occurrence the rule puts in a spring-forward gap shows the time it happens', () => {
  /** A Sunday 02:30 class in Madrid whose second date, 30 March 2031, has no 02:00–02:59; a client booked on it. */
  async function gapClass() {
    await api.call('settings.update', { timeZone: 'Europe/Madrid' });
    const { series } = await api.call('series.create', {
      title: 'Yoga nocturno',
      organizerId,
      startDate: '2031-03-23',
      startTime: '02:30',
      durationMin: 60,
      places: 10,
      recurrence: { weekdays: [7], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } },
    });
    const [client] = await numberedClients(api, 1);
    const gap = occurrencesOf(api, series.id).find((o) => o.local_date === '2031-03-30')!;
    await api.call('sessions.book', { occurrenceId: gap.id, clientId: client! });
    return { series, gap };
  }
  const shown = async () => ({
    agenda: (await api.call('agenda.range', { from: '2031-03-30', to: '2031-03-30' })).occurrences.map((o) => [o.localDate, o.localStart]),
    daily: (await api.call('agenda.dailyList', { date: '2031-03-30' })).rows.map((r) => r.time),
  });

  it('stores and lists 03:30 CEST, not the 02:30 that does not exist that night', async () => {
    const { gap } = await gapClass();
    expect([gap.starts_at, gap.local_start]).toEqual(['2031-03-30T01:30:00.000Z', '03:30']);
    expect(await shown()).toEqual({ agenda: [['2031-03-30', '03:30']], daily: ['03:30'] });
  });

  it('lists 03:30 for a row written before the fix, which still holds 02:30 (no data is rewritten)', async () => {
    const { gap } = await gapClass();
    api.host.database.sqlite.prepare("UPDATE occurrences SET local_start = '02:30' WHERE id = ?").run(gap.id);
    expect(await shown()).toEqual({ agenda: [['2031-03-30', '03:30']], daily: ['03:30'] });
  });

  it('an "all" time change that lands in the gap stores the real time too', async () => {
    await api.call('settings.update', { timeZone: 'Europe/Madrid' });
    const { series } = await api.call('series.create', { title: 'Clase', organizerId, startDate: '2031-03-23', startTime: '09:00', durationMin: 60, recurrence: { weekdays: [7], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } } });
    const [first] = occurrencesOf(api, series.id);
    await api.call('series.update', { occurrenceId: first!.id, scope: 'all', changes: { startTime: '02:15' } });
    expect(occurrencesOf(api, series.id).map((o) => [o.local_date, o.local_start, o.starts_at])).toEqual([
      ['2031-03-23', '02:15', '2031-03-23T01:15:00.000Z'],
      ['2031-03-30', '03:15', '2031-03-30T01:15:00.000Z'],
    ]);
    // And one occurrence moved into the gap on its own.
    const second = occurrencesOf(api, series.id)[1]!;
    await api.call('series.update', { occurrenceId: second.id, scope: 'occurrence', changes: { startTime: '02:45' } });
    expect(occurrencesOf(api, series.id)[1]).toMatchObject({ local_start: '03:45', starts_at: '2031-03-30T01:45:00.000Z' });
  });

  it('the CLI prints the daily list at 03:30', { timeout: 60_000 }, async () => {
    await gapClass();
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src-main/cli/main.ts', '--db', api.path, 'daily-list', '--date', '2031-03-30'], { cwd: process.cwd() });
    expect(stdout).toMatch(/03:30–\d{2}:\d{2}\s+Cliente 01/);
    expect(stdout).not.toMatch(/02:30/);
  });
});

describe('slots.find and the booking check agree on daylight-saving days', () => {
  /** A 60-minute service on Sundays in `range`, in `timeZone`, with `now` months before. */
  async function sunday(timeZone: string, now: string, range: [string, string]) {
    fixClock(now);
    await api.call('settings.update', { timeZone });
    const world = await appointmentWorld(api, 1);
    await createSchedule(api, world.ana, [world.tinte], { durationMin: 60, horizonDays: 730, ranges: [{ weekday: 7, start: range[0], end: range[1] }] });
    const book = (startsAt: string) => api.host.invoke('appointments.book', { clientId: world.clients[0]!, staffId: world.ana, serviceId: world.tinte, startsAt });
    return { world, book };
  }
  const slots = async (serviceId: string, date: string) => api.call('slots.find', { serviceId, from: date, to: date, stepMin: 15 });

  /** Every offered slot books without override (and is cancelled again, to free the time for the next). */
  async function everySlotBooks(offered: { startsAt: string }[], book: (startsAt: string) => ReturnType<TempApi['host']['invoke']>) {
    for (const slot of offered) {
      const booked = await book(slot.startsAt);
      expect(booked, slot.startsAt).toMatchObject({ ok: true });
      if (booked.ok) await api.call('appointments.cancel', { appointmentId: (booked.value as { id: string }).id });
    }
  }

  it('Madrid 2027-10-31 (fall-back), 01:30–03:30: 02:45 CEST lasts till 02:45 CET, inside the range, and is offered', async () => {
    const { world, book } = await sunday('Europe/Madrid', '2027-06-01T10:00:00.000Z', ['01:30', '03:30']);
    const offered = await slots(world.tinte, '2027-10-31');
    expect(offered.map((s) => [s.localStart, s.startsAt])).toEqual([
      ['01:30', '2027-10-30T23:30:00.000Z'],
      ['01:45', '2027-10-30T23:45:00.000Z'],
      ['02:00', '2027-10-31T00:00:00.000Z'],
      ['02:15', '2027-10-31T00:15:00.000Z'],
      ['02:30', '2027-10-31T00:30:00.000Z'],
      ['02:45', '2027-10-31T00:45:00.000Z'],
    ]);
    await everySlotBooks(offered, book);
    // 03:00 CET would end at 04:00 CET, after the range: refused as it is not offered.
    expect(await book('2027-10-31T02:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'outside_hours', field: 'startsAt' } });
  });

  it('Santiago 2028-09-03 (spring-forward at 00:00), 00:30–04:00: the range opens at 01:30 −03 for both', async () => {
    const { world, book } = await sunday('America/Santiago', '2028-06-01T10:00:00.000Z', ['00:30', '04:00']);
    const offered = await slots(world.tinte, '2028-09-03');
    expect(offered[0]).toMatchObject({ localStart: '01:30', startsAt: '2028-09-03T04:30:00.000Z' });
    expect(offered.map((s) => s.localStart)).toEqual(['01:30', '01:45', '02:00', '02:15', '02:30', '02:45', '03:00']);
    await everySlotBooks(offered, book);
    // 01:00 −03 exists, but the range (00:30 read as 'compatible') has not opened yet.
    expect(await book('2028-09-03T04:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'outside_hours', field: 'startsAt' } });
  });
});
