import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RRule } from '../../src-shared/recurrence/rrule-lib';
import type { SeriesTiming, WeeklyRecurrence } from '../../src-main/engine/recurrence/weekly-rule';
import { expandOccurrences, fromRRule, toRRule, validateRecurrence } from '../../src-main/engine/recurrence/weekly-rule';
import { addDays, daysBetween, instantToLocal } from '../../src-main/engine/time/local-time';
import { seriesExtent } from '../../src-shared/recurrence/weekly-dates';

const timing = (startDate: string, over: Partial<SeriesTiming> = {}): SeriesTiming => ({
  startDate,
  startTime: '09:00',
  durationMin: 60,
  timeZone: 'Europe/Madrid',
  ...over,
});
const weekly = (weekdays: number[], end: WeeklyRecurrence['end'] = { kind: 'never' }, intervalWeeks = 1): WeeklyRecurrence => ({
  weekdays,
  intervalWeeks,
  end,
});
const dates = (t: SeriesTiming, r: WeeklyRecurrence | null, from = '2000-01-01', to = '2100-01-01'): string[] =>
  expandOccurrences(t, r, { from, to }).map((o) => o.localDate);
const utc = (d: Date): string => d.toISOString().slice(0, 16) + 'Z';

describe('expandOccurrences across DST', () => {
  it('Madrid Monday/Wednesday 09:00 stays at 09:00 local across March and October', () => {
    const t = timing('2025-03-17');
    const spring = expandOccurrences(t, weekly([1, 3]), { from: '2025-03-17', to: '2025-04-09' });
    expect(spring.map((o) => o.localDate)).toEqual(['2025-03-17', '2025-03-19', '2025-03-24', '2025-03-26', '2025-03-31', '2025-04-02', '2025-04-07', '2025-04-09']);
    for (const o of spring) expect(instantToLocal(o.startsAt, 'Europe/Madrid')).toMatchObject({ date: o.localDate, time: '09:00' });
    expect(spring.map((o) => o.startsAt.getUTCHours())).toEqual([8, 8, 8, 8, 7, 7, 7, 7]);
    expect(spring.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 3_600_000)).toBe(true);

    const autumn = expandOccurrences(t, weekly([1, 3]), { from: '2025-10-20', to: '2025-10-29' });
    expect(autumn.map((o) => utc(o.startsAt))).toEqual(['2025-10-20T07:00Z', '2025-10-22T07:00Z', '2025-10-27T08:00Z', '2025-10-29T08:00Z']);
    for (const o of autumn) expect(instantToLocal(o.startsAt, 'Europe/Madrid').time).toBe('09:00');
  });

  it('Madrid: a Sunday 02:30 class on the spring-forward night starts at 03:30 CEST', () => {
    const occ = expandOccurrences(timing('2025-03-23', { startTime: '02:30' }), weekly([7]), { from: '2025-03-23', to: '2025-04-06' });
    expect(occ.map((o) => utc(o.startsAt))).toEqual(['2025-03-23T01:30Z', '2025-03-30T01:30Z', '2025-04-06T00:30Z']);
    expect(occ.map((o) => instantToLocal(o.startsAt, 'Europe/Madrid').time)).toEqual(['02:30', '03:30', '02:30']);
    expect(occ[1]?.localDate).toBe('2025-03-30');
  });

  it('Madrid: a class on the fall-back night ends after its duration in real minutes', () => {
    const [o] = expandOccurrences(timing('2025-10-26', { startTime: '01:30', durationMin: 120 }), null, { from: '2025-10-26', to: '2025-10-26' });
    expect(utc(o!.startsAt)).toBe('2025-10-25T23:30Z');
    expect(utc(o!.endsAt)).toBe('2025-10-26T01:30Z');
    expect(instantToLocal(o!.endsAt, 'Europe/Madrid').time).toBe('02:30');
  });

  it('Santiago weekly 09:00 stays at 09:00 across the April and September changes', () => {
    const t = timing('2025-03-24', { timeZone: 'America/Santiago' });
    const occ = expandOccurrences(t, weekly([1]), { from: '2025-03-24', to: '2025-09-15' });
    for (const o of occ) expect(instantToLocal(o.startsAt, 'America/Santiago')).toMatchObject({ date: o.localDate, time: '09:00', weekday: 1 });
    const byDate = new Map(occ.map((o) => [o.localDate, o.startsAt.getUTCHours()]));
    expect([byDate.get('2025-03-31'), byDate.get('2025-04-07'), byDate.get('2025-09-01'), byDate.get('2025-09-08')]).toEqual([12, 13, 13, 12]);
  });

  it('Santiago 2022: Saturday 23:30 and Sunday 00:30 classes around the change moved to 11 Sept', () => {
    const tz = { timeZone: 'America/Santiago' };
    const window = { from: '2022-08-27', to: '2022-09-18' };
    const saturday = expandOccurrences(timing('2022-08-27', { ...tz, startTime: '23:30' }), weekly([6]), window);
    expect(saturday.map((o) => utc(o.startsAt))).toEqual(['2022-08-28T03:30Z', '2022-09-04T03:30Z', '2022-09-11T03:30Z', '2022-09-18T02:30Z']);
    expect(saturday.every((o) => instantToLocal(o.startsAt, 'America/Santiago').time === '23:30')).toBe(true);

    const sunday = expandOccurrences(timing('2022-08-28', { ...tz, startTime: '00:30' }), weekly([7]), window);
    expect(sunday.map((o) => o.localDate)).toEqual(['2022-08-28', '2022-09-04', '2022-09-11', '2022-09-18']);
    expect(sunday.map((o) => instantToLocal(o.startsAt, 'America/Santiago').time)).toEqual(['00:30', '00:30', '01:30', '00:30']);
    expect(sunday.map((o) => utc(o.startsAt))).toEqual(['2022-08-28T04:30Z', '2022-09-04T04:30Z', '2022-09-11T04:30Z', '2022-09-18T03:30Z']);
  });
});

describe('expandOccurrences rules', () => {
  it('every 2 weeks until a date, the until date included', () => {
    expect(dates(timing('2025-01-06'), weekly([1], { kind: 'until', date: '2025-02-17' }, 2))).toEqual(['2025-01-06', '2025-01-20', '2025-02-03', '2025-02-17']);
    expect(dates(timing('2025-01-06'), weekly([1], { kind: 'until', date: '2025-02-16' }, 2))).toEqual(['2025-01-06', '2025-01-20', '2025-02-03']);
  });

  it('for N weeks is N × 7 days from the first occurrence, whatever weekday the start date is', () => {
    // A Mon/Wed course sold on a Friday "for 4 weeks": 8 classes, the last on the Wednesday of the fourth week.
    expect(dates(timing('2025-01-10'), weekly([1, 3], { kind: 'weeks', weeks: 4 }))).toEqual([
      '2025-01-13', '2025-01-15', '2025-01-20', '2025-01-22', '2025-01-27', '2025-01-29', '2025-02-03', '2025-02-05',
    ]);
    expect(dates(timing('2025-01-08'), weekly([1, 3, 5], { kind: 'weeks', weeks: 2 }))).toEqual(['2025-01-08', '2025-01-10', '2025-01-13', '2025-01-15', '2025-01-17', '2025-01-20']);
    // Interval 2, 4 weeks: 28 days holding class weeks 0 and 2.
    expect(dates(timing('2025-01-06'), weekly([1, 3], { kind: 'weeks', weeks: 4 }, 2))).toEqual(['2025-01-06', '2025-01-08', '2025-01-20', '2025-01-22']);
    expect(dates(timing('2025-01-06'), weekly([1, 3], { kind: 'weeks', weeks: 3 }, 2))).toEqual(['2025-01-06', '2025-01-08', '2025-01-20', '2025-01-22']);
    expect(dates(timing('2025-01-06'), weekly([1, 3], { kind: 'weeks', weeks: 2 }, 2))).toEqual(['2025-01-06', '2025-01-08']);
    // One week is the first class's week of seven days, even when the start's own week has none left.
    expect(dates(timing('2025-01-08'), weekly([1], { kind: 'weeks', weeks: 1 }))).toEqual(['2025-01-13']);
  });

  it('for N weeks of every-week classes is N classes per chosen weekday (any start, any weekdays)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 60 }), (day, weekdays, weeks) => {
        const start = addDays('2020-01-01', day);
        const r = weekly(weekdays, { kind: 'weeks', weeks });
        const got = dates(timing(start), r, '1900-01-01', '2199-12-31');
        expect(got).toHaveLength(weeks * weekdays.length);
        expect(seriesExtent(start, r)).toEqual({ count: got.length, lastDate: got.at(-1) });
        expect(daysBetween(got[0]!, got.at(-1)!)).toBeLessThan(weeks * 7);
      }),
      { numRuns: 300 },
    );
  });

  it('starts on the first chosen weekday on or after a start date that is not one', () => {
    expect(dates(timing('2025-01-07'), weekly([1, 3], { kind: 'weeks', weeks: 2 }))).toEqual(['2025-01-08', '2025-01-13', '2025-01-15', '2025-01-20']);
    // Every other week: week 0's Monday is before the start, week 1 is off, so the first is week 2's Monday.
    expect(dates(timing('2025-01-08'), weekly([1], { kind: 'until', date: '2025-02-28' }, 2))).toEqual(['2025-01-20', '2025-02-03', '2025-02-17']);
  });

  it('a one-off is exactly its start date, when inside the window', () => {
    const t = timing('2025-05-14', { durationMin: 45 });
    const [o, ...rest] = expandOccurrences(t, null, { from: '2025-05-01', to: '2025-05-31' });
    expect(rest).toEqual([]);
    expect(o?.localDate).toBe('2025-05-14');
    expect(utc(o!.startsAt)).toBe('2025-05-14T07:00Z');
    expect(utc(o!.endsAt)).toBe('2025-05-14T07:45Z');
    expect(expandOccurrences(t, null, { from: '2025-05-15', to: '2025-05-31' })).toEqual([]);
  });

  it('a never-ending rule expands only inside the window', () => {
    const t = timing('2025-01-06');
    expect(dates(t, weekly([1]), '2025-03-01', '2025-03-31')).toEqual(['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31']);
    expect(dates(t, weekly([1]), '2024-12-01', '2025-01-06')).toEqual(['2025-01-06']);
    expect(dates(t, weekly([1]), '2024-01-01', '2024-12-31')).toEqual([]);
    expect(dates(t, weekly([1]), '2025-03-31', '2025-03-01')).toEqual([]);
    expect(dates(t, weekly([1, 3]), '2025-01-06', '2026-01-05')).toHaveLength(105);
  });

  it('a bounded rule is clipped by both its end and the window', () => {
    const r = weekly([1], { kind: 'until', date: '2025-03-10' });
    expect(dates(timing('2025-01-06'), r, '2025-03-01', '2025-12-31')).toEqual(['2025-03-03', '2025-03-10']);
  });

  // Its speed (a one-year twice-weekly rule under 2 ms) is measured by the `time` bench: recurrence.expand.
});

describe('validateRecurrence', () => {
  const t = timing('2025-01-06');
  it.each([
    [t, weekly([]), 'no_weekdays', 'recurrence.weekdays'],
    [t, weekly([1, 8]), 'weekday_out_of_range', 'recurrence.weekdays'],
    [t, weekly([1], { kind: 'never' }, 0), 'interval_out_of_range', 'recurrence.intervalWeeks'],
    [t, weekly([1], { kind: 'never' }, 53), 'interval_out_of_range', 'recurrence.intervalWeeks'],
    [t, weekly([1], { kind: 'never' }, 1.5), 'interval_out_of_range', 'recurrence.intervalWeeks'],
    [t, weekly([1], { kind: 'until', date: '2025-01-05' }), 'end_before_start', 'recurrence.end.date'],
    [t, weekly([1], { kind: 'until', date: '2025-13-01' }), 'invalid_date', 'recurrence.end.date'],
    [t, weekly([1], { kind: 'weeks', weeks: 0 }), 'weeks_out_of_range', 'recurrence.end.weeks'],
    [timing('2199-06-03'), weekly([1], { kind: 'weeks', weeks: 52 }), 'date_out_of_range', 'recurrence.end.weeks'],
    [timing('1899-12-31'), weekly([1]), 'date_out_of_range', 'startDate'],
    [timing('2025-01-07'), weekly([1], { kind: 'until', date: '2025-01-12' }), 'no_occurrences', 'recurrence.end.date'],
    [timing('2025-01-06', { durationMin: 0 }), weekly([1]), 'duration_out_of_range', 'durationMin'],
    [timing('2025-01-06', { durationMin: 1441 }), null, 'duration_out_of_range', 'durationMin'],
    [timing('2025-01-06', { startTime: '25:00' }), null, 'invalid_time', 'startTime'],
    [timing('2025-01-06', { timeZone: 'Mars/Olympus' }), null, 'invalid_time_zone', 'timeZone'],
  ])('%#: reports %s', (tm, r, code, field) => {
    expect(validateRecurrence(tm, r as WeeklyRecurrence | null)).toEqual({ code, field });
  });

  it('accepts valid rules, one-offs and a 24-hour duration', () => {
    expect(validateRecurrence(t, weekly([1, 3]))).toBeNull();
    expect(validateRecurrence(t, weekly([1], { kind: 'until', date: '2025-01-06' }))).toBeNull();
    expect(validateRecurrence(timing('2025-01-06', { durationMin: 1440 }), null)).toBeNull();
  });
});

describe('toRRule / fromRRule', () => {
  it('writes floating-time RRULE text', () => {
    expect(toRRule(timing('2025-01-06'), weekly([3, 1], { kind: 'until', date: '2025-03-31' }))).toBe(
      'DTSTART:20250106T090000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20250331T235959',
    );
    expect(toRRule(timing('2025-01-08', { startTime: '18:30' }), weekly([7], { kind: 'never' }, 2))).toBe(
      'DTSTART:20250108T183000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU',
    );
    expect(toRRule(timing('2025-01-08'), weekly([1, 3], { kind: 'weeks', weeks: 4 }, 2))).toBe(
      'DTSTART:20250108T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20250204T235959\nX-MOSTRADOR-WEEKS:4',
    );
  });

  it('reads a series saved when "for N weeks" counted Monday-based weeks as ending on its saved date', () => {
    // Written by the earlier rule: 4 weeks from the Monday of 2025-01-08's week end on 2025-02-02.
    const old = 'DTSTART:20250108T090000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20250202T235959\nX-MOSTRADOR-WEEKS:4';
    const parsed = fromRRule(old);
    expect(parsed.recurrence.end).toEqual({ kind: 'until', date: '2025-02-02' });
    // Its occurrences stay the 7 it was materialised with.
    expect(dates(timing(parsed.startDate), parsed.recurrence)).toEqual(['2025-01-08', '2025-01-13', '2025-01-15', '2025-01-20', '2025-01-22', '2025-01-27', '2025-01-29']);
    // Where the two rules agree (a Monday start with a Monday class), it stays "for 4 weeks".
    expect(fromRRule('DTSTART:20250106T090000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20250202T235959\nX-MOSTRADOR-WEEKS:4').recurrence.end).toEqual({ kind: 'weeks', weeks: 4 });
  });

  it.each([
    weekly([1, 3], { kind: 'until', date: '2025-03-31' }),
    weekly([2, 4, 6], { kind: 'weeks', weeks: 12 }, 2),
    weekly([7], { kind: 'never' }, 52),
    weekly([1, 2, 3, 4, 5, 6, 7], { kind: 'until', date: '2025-01-06' }),
  ])('round-trips %j', (r) => {
    const t = timing('2025-01-06', { startTime: '07:15' });
    expect(fromRRule(toRRule(t, r))).toEqual({ startDate: '2025-01-06', startTime: '07:15', recurrence: r });
  });

  it('its standard part expands in rrule to the same dates as expandOccurrences, for any bounded rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 8 }),
        fc.oneof(fc.record({ kind: fc.constant('weeks' as const), weeks: fc.integer({ min: 1, max: 40 }) }), fc.record({ kind: fc.constant('until' as const), days: fc.integer({ min: 0, max: 300 }) })),
        (day, weekdays, intervalWeeks, end) => {
          const start = addDays('2020-01-01', day);
          const r = weekly(weekdays, end.kind === 'weeks' ? end : { kind: 'until', date: addDays(start, end.days) }, intervalWeeks);
          const t = timing(start);
          if (validateRecurrence(t, r)) return;
          const standard = toRRule(t, r).split('\n').slice(0, 2).join('\n');
          expect(RRule.fromString(standard).all().map((d) => d.toISOString().slice(0, 10))).toEqual(dates(t, r));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('its standard part expands in rrule to the same dates as expandOccurrences', () => {
    const t = timing('2025-01-07');
    const r = weekly([1, 3, 5], { kind: 'weeks', weeks: 9 }, 2);
    const standard = toRRule(t, r).split('\n').slice(0, 2).join('\n');
    const viaRRule = RRule.fromString(standard).all().map((d) => d.toISOString().slice(0, 10));
    expect(viaRRule).toEqual(dates(t, r));
  });

  it('rejects invalid rules and text it did not write', () => {
    expect(() => toRRule(timing('2025-01-06'), weekly([]))).toThrow(/no_weekdays/);
    expect(() => fromRRule('RRULE:FREQ=WEEKLY;BYDAY=MO')).toThrow(RangeError);
    expect(() => fromRRule('DTSTART:20250106T090000\nRRULE:FREQ=DAILY')).toThrow(/WEEKLY/);
    expect(() => fromRRule('DTSTART:20250106T090000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO')).toThrow(/floating/);
    expect(() => fromRRule('DTSTART:20250106T090000\nRRULE:FREQ=WEEKLY;BYDAY=XX')).toThrow(/BYDAY/);
  });
});
