import { describe, expect, it } from 'vitest';
import type { WeeklyRange } from '../../src-shared/domain/appointments';
import { mergeBusy, overlapsBusy } from '../../src-main/engine/appointments/busy';
import { hoursBetween, hoursOn } from '../../src-main/engine/appointments/day-hours';
import { fitsHours, rangeInstants } from '../../src-main/engine/appointments/fits-hours';
import { validateRanges } from '../../src-main/engine/appointments/validate-ranges';

const ms = (iso: string): number => Date.parse(iso);
const weekly: WeeklyRange[] = [
  { weekday: 1, start: '15:00', end: '20:00' },
  { weekday: 1, start: '09:00', end: '14:00' },
  { weekday: 2, start: '10:00', end: '24:00' },
];
const MONDAY = '2026-06-01';

describe('hoursOn', () => {
  it("gives the weekday's weekly ranges, sorted by start", () => {
    expect(hoursOn(MONDAY, { weekly, holiday: false })).toEqual([
      { start: '09:00', end: '14:00' },
      { start: '15:00', end: '20:00' },
    ]);
    expect(hoursOn('2026-06-02', { weekly, holiday: false })).toEqual([{ start: '10:00', end: '24:00' }]);
    expect(hoursOn('2026-06-03', { weekly, holiday: false })).toEqual([]);
  });

  it('closes on a centre holiday, whatever the exceptions say', () => {
    const hours = { kind: 'hours' as const, ranges: [{ start: '10:00', end: '11:00' }] };
    expect(hoursOn(MONDAY, { weekly, holiday: true, scheduleException: hours, staffException: hours })).toEqual([]);
  });

  it("lets the schedule's exception win over the professional's, and either over the week", () => {
    const dayOff = { kind: 'day_off' as const, ranges: [] };
    const other = { kind: 'hours' as const, ranges: [{ start: '16:00', end: '18:00' }, { start: '08:00', end: '10:00' }] };
    expect(hoursOn(MONDAY, { weekly, holiday: false, scheduleException: other, staffException: dayOff })).toEqual([
      { start: '08:00', end: '10:00' },
      { start: '16:00', end: '18:00' },
    ]);
    expect(hoursOn(MONDAY, { weekly, holiday: false, scheduleException: dayOff, staffException: other })).toEqual([]);
    expect(hoursOn(MONDAY, { weekly, holiday: false, staffException: dayOff })).toEqual([]);
    expect(hoursOn('2026-06-03', { weekly, holiday: false, staffException: other })).toHaveLength(2);
  });
});

describe('hoursBetween', () => {
  it('builds every date of the range, ignoring exceptions of other schedules', () => {
    const days = hoursBetween('2026-05-31', '2026-06-03', {
      scheduleId: 'S1',
      weekly,
      exceptions: [
        { scheduleId: 'S2', date: MONDAY, kind: 'day_off', ranges: [] },
        { scheduleId: null, date: '2026-06-02', kind: 'hours', ranges: [{ start: '11:00', end: '12:00' }] },
        { scheduleId: 'S1', date: '2026-06-03', kind: 'hours', ranges: [{ start: '07:00', end: '08:00' }] },
      ],
      holidays: new Set(['2026-05-31']),
    });
    expect(days).toEqual([
      { date: '2026-05-31', ranges: [] },
      { date: MONDAY, ranges: [{ start: '09:00', end: '14:00' }, { start: '15:00', end: '20:00' }] },
      { date: '2026-06-02', ranges: [{ start: '11:00', end: '12:00' }] },
      { date: '2026-06-03', ranges: [{ start: '07:00', end: '08:00' }] },
    ]);
  });
});

describe('validateRanges', () => {
  it('accepts touching ranges, several weekdays and a 24:00 end', () => {
    expect(validateRanges([...weekly, { weekday: 1, start: '14:00', end: '15:00' }, { weekday: 3, start: '00:00', end: '24:00' }])).toBeNull();
    expect(validateRanges([])).toBeNull();
  });

  it('names an inverted or empty range', () => {
    expect(validateRanges([{ weekday: 1, start: '09:00', end: '10:00' }, { weekday: 2, start: '12:00', end: '11:00' }])).toBe(1);
    expect(validateRanges([{ start: '09:00', end: '09:00' }])).toBe(0);
  });

  it('names the later of two overlapping ranges of one weekday', () => {
    expect(
      validateRanges([
        { weekday: 1, start: '09:00', end: '14:00' },
        { weekday: 2, start: '09:00', end: '14:00' },
        { weekday: 1, start: '13:59', end: '15:00' },
      ]),
    ).toBe(2);
    expect(validateRanges([{ weekday: 5, start: '10:00', end: '12:00' }, { weekday: 5, start: '08:00', end: '20:00' }])).toBe(1);
  });

  it("checks one date's ranges (no weekday) as one group", () => {
    expect(validateRanges([{ start: '09:00', end: '12:00' }, { start: '12:00', end: '24:00' }])).toBeNull();
    expect(validateRanges([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }])).toBe(1);
  });
});

describe('fitsHours', () => {
  const hours = [{ start: '09:00', end: '13:00' }, { start: '13:00', end: '14:00' }];

  it('accepts an appointment inside one range, edges included', () => {
    expect(fitsHours(ms('2026-06-01T07:00Z'), ms('2026-06-01T11:00Z'), MONDAY, hours, 'Europe/Madrid')).toBe(true);
    expect(fitsHours(ms('2026-06-01T11:00Z'), ms('2026-06-01T12:00Z'), MONDAY, hours, 'Europe/Madrid')).toBe(true);
  });

  it('refuses one starting early, ending late, straddling two ranges, or on a day without hours', () => {
    expect(fitsHours(ms('2026-06-01T06:59Z'), ms('2026-06-01T07:30Z'), MONDAY, hours, 'Europe/Madrid')).toBe(false);
    expect(fitsHours(ms('2026-06-01T11:30Z'), ms('2026-06-01T12:01Z'), MONDAY, hours, 'Europe/Madrid')).toBe(false);
    expect(fitsHours(ms('2026-06-01T10:30Z'), ms('2026-06-01T11:30Z'), MONDAY, hours, 'Europe/Madrid')).toBe(false);
    expect(fitsHours(ms('2026-06-01T07:00Z'), ms('2026-06-01T08:00Z'), MONDAY, [], 'Europe/Madrid')).toBe(false);
  });

  it('measures a range across the spring-forward gap in real time', () => {
    const night = [{ start: '01:00', end: '04:00' }];
    // 01:00 CET = 00:00Z … 04:00 CEST = 02:00Z: two real hours.
    expect(rangeInstants('2026-03-29', night[0]!, 'Europe/Madrid')).toEqual({ startMs: ms('2026-03-29T00:00Z'), endMs: ms('2026-03-29T02:00Z') });
    expect(fitsHours(ms('2026-03-29T00:00Z'), ms('2026-03-29T02:00Z'), '2026-03-29', night, 'Europe/Madrid')).toBe(true);
    expect(fitsHours(ms('2026-03-29T00:30Z'), ms('2026-03-29T02:01Z'), '2026-03-29', night, 'Europe/Madrid')).toBe(false);
  });

  it("closes a '24:00' range at the real midnight of a fall-back evening (Santiago)", () => {
    const evening = [{ start: '22:00', end: '24:00' }];
    // 22:00 −03 = 01:00Z; 24:00 comes after the repeated 23:00 hour, at 04:00Z (−04).
    expect(rangeInstants('2026-04-04', evening[0]!, 'America/Santiago')).toEqual({ startMs: ms('2026-04-05T01:00Z'), endMs: ms('2026-04-05T04:00Z') });
    expect(fitsHours(ms('2026-04-05T03:00Z'), ms('2026-04-05T04:00Z'), '2026-04-04', evening, 'America/Santiago')).toBe(true);
  });
});

describe('busy intervals', () => {
  const list = [
    { from: 10, to: 20 },
    { from: 12, to: 15 },
    { from: 20, to: 30 },
    { from: 40, to: 50 },
  ];

  it('overlapsBusy is half-open: touching is free', () => {
    expect(overlapsBusy(0, 10, list)).toBe(false);
    expect(overlapsBusy(30, 40, list)).toBe(false);
    expect(overlapsBusy(29, 31, list)).toBe(true);
    expect(overlapsBusy(45, 46, list)).toBe(true);
  });

  it('mergeBusy joins nested and touching intervals and drops empty ones', () => {
    expect(mergeBusy([...list, { from: 60, to: 60 }])).toEqual([
      { from: 10, to: 30 },
      { from: 40, to: 50 },
    ]);
  });
});
