import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { localDateOf, localTimeOf } from '../helpers/agenda-fixtures';

let api: TempApi;
let organizerId: string;
beforeEach(async () => {
  api = await openTempApi();
  organizerId = (await api.call('staff.create', { name: 'Ana', role: 'professional' })).id;
});
afterEach(async () => {
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
    expect(occ.map((o) => [o.localDate, o.localStart, utc(o.startsAt)])).toEqual([
      ['2022-09-04', '00:30', '2022-09-04T04:30Z'],
      ['2022-09-11', '00:30', '2022-09-11T04:30Z'],
    ]);
    expect(localTimeOf(occ[1]!.startsAt, 'America/Santiago')).toBe('01:30');
  });

  it('Madrid: a 02:30 class on the spring-forward night starts at 03:30 CEST', async () => {
    const occ = await weekly('Europe/Madrid', '2031-03-23', [7], 2, '02:30');
    expect(occ.map((o) => utc(o.startsAt))).toEqual(['2031-03-23T01:30Z', '2031-03-30T01:30Z']);
    expect(localTimeOf(occ[1]!.startsAt, 'Europe/Madrid')).toBe('03:30');
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
