import { describe, expect, it } from 'vitest';
import type { TimeRange } from '../../src-shared/domain/appointments';
import type { BusyInterval, SlotQuery } from '../../src-main/engine/appointments/free-slots';
import { freeSlots } from '../../src-main/engine/appointments/free-slots';

const MADRID = 'Europe/Madrid';
const SANTIAGO = 'America/Santiago';
const ms = (iso: string): number => Date.parse(iso);
const range = (start: string, end: string): TimeRange => ({ start, end });
const busy = (from: string, to: string): BusyInterval => ({ from: ms(from), to: ms(to) });

function query(over: Partial<SlotQuery> & Pick<SlotQuery, 'days'>): SlotQuery {
  return {
    timeZone: MADRID,
    durationMin: 60,
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    stepMin: over.durationMin ?? 60,
    earliestStartMs: 0,
    lastDate: '2099-12-31',
    busy: [],
    ...over,
  };
}

/** "date HH:MM" of each free start. */
const starts = (q: SlotQuery): string[] => freeSlots(q).map((s) => `${s.localDate} ${s.localStart}`);
/** The slots as UTC instants, start–end. */
const instants = (q: SlotQuery): string[] =>
  freeSlots(q).map((s) => `${new Date(s.startMs).toISOString().slice(0, 16)}Z–${new Date(s.endMs).toISOString().slice(11, 16)}Z`);

const JUNE_1 = '2026-06-01'; // a Monday, CEST (UTC+2)

describe('freeSlots: candidates, steps and ranges', () => {
  it('offers one slot per duration from the range start, ending by the range end', () => {
    const q = query({ days: [{ date: JUNE_1, ranges: [range('09:00', '12:00')] }] });
    expect(freeSlots(q)).toEqual([
      { startMs: ms('2026-06-01T07:00Z'), endMs: ms('2026-06-01T08:00Z'), localDate: JUNE_1, localStart: '09:00' },
      { startMs: ms('2026-06-01T08:00Z'), endMs: ms('2026-06-01T09:00Z'), localDate: JUNE_1, localStart: '10:00' },
      { startMs: ms('2026-06-01T09:00Z'), endMs: ms('2026-06-01T10:00Z'), localDate: JUNE_1, localStart: '11:00' },
    ]);
  });

  it('steps by 30 for a 60-minute appointment, the last start one duration before the end', () => {
    const q = query({ stepMin: 30, days: [{ date: JUNE_1, ranges: [range('09:00', '12:00')] }] });
    expect(starts(q)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => `${JUNE_1} ${t}`));
  });

  it.each([
    [5, 50, ['09:00', '09:05', '09:10']],
    [10, 25, ['09:00', '09:10', '09:20', '09:30']],
    [15, 45, ['09:00', '09:15']],
    [30, 20, ['09:00', '09:30']],
  ])('step %i with a %i-minute appointment in 09:00–10:00', (stepMin, durationMin, expected) => {
    const q = query({ stepMin, durationMin, days: [{ date: JUNE_1, ranges: [range('09:00', '10:00')] }] });
    expect(starts(q)).toEqual(expected.map((t) => `${JUNE_1} ${t}`));
  });

  it('offers nothing in a range shorter than the appointment', () => {
    const q = query({ durationMin: 90, days: [{ date: JUNE_1, ranges: [range('09:00', '10:00')] }] });
    expect(freeSlots(q)).toEqual([]);
  });

  it('walks several ranges a day in time order, each stepped from its own start', () => {
    const q = query({
      durationMin: 45,
      days: [{ date: JUNE_1, ranges: [range('15:10', '16:40'), range('09:00', '11:00')] }],
    });
    expect(starts(q)).toEqual(['09:00', '09:45', '15:10', '15:55'].map((t) => `${JUNE_1} ${t}`));
  });

  it("closes a range ending at '24:00' at the next midnight", () => {
    const q = query({ days: [{ date: JUNE_1, ranges: [range('22:00', '24:00')] }] });
    expect(instants(q)).toEqual(['2026-06-01T20:00Z–21:00Z', '2026-06-01T21:00Z–22:00Z']);
    expect(starts(q)).toEqual([`${JUNE_1} 22:00`, `${JUNE_1} 23:00`]);
  });

  it('skips days without ranges and keeps days in order', () => {
    const q = query({
      days: [
        { date: '2026-06-01', ranges: [range('09:00', '10:00')] },
        { date: '2026-06-02', ranges: [] },
        { date: '2026-06-03', ranges: [range('18:00', '19:00')] },
      ],
    });
    expect(starts(q)).toEqual(['2026-06-01 09:00', '2026-06-03 18:00']);
  });

  it('refuses a non-positive duration or step', () => {
    expect(() => freeSlots(query({ durationMin: 0, stepMin: 30, days: [] }))).toThrow(RangeError);
    expect(() => freeSlots(query({ stepMin: 0, days: [] }))).toThrow(RangeError);
  });
});

describe('freeSlots: busy time and buffers', () => {
  const day = { date: JUNE_1, ranges: [range('08:00', '13:00')] };

  it('keeps the buffers before and after a slot clear of busy time', () => {
    // Another appointment 10:00–11:00 with 10-minute buffers blocks 09:50–11:10 local.
    const q = query({
      stepMin: 30,
      bufferBeforeMin: 10,
      bufferAfterMin: 10,
      busy: [busy('2026-06-01T07:50Z', '2026-06-01T09:10Z')],
      days: [day],
    });
    // 08:30 ends 09:30 + 10 = 09:40 (free); 11:30 starts 11:30 − 10 = 11:20 (free); 12:00 ends at the range end.
    expect(starts(q)).toEqual(['08:00', '08:30', '11:30', '12:00'].map((t) => `${JUNE_1} ${t}`));
  });

  it('treats touching as free: a slot may start when a busy time ends, buffer included', () => {
    const q = query({ bufferBeforeMin: 15, busy: [busy('2026-06-01T06:00Z', '2026-06-01T07:45Z')], days: [day] });
    // 10:00 − 15 min = 09:45 local = 07:45Z, exactly when the busy time ends.
    expect(starts(q)[0]).toBe(`${JUNE_1} 10:00`);
  });

  it('is blocked by sessions and private events, nested or overlapping', () => {
    const q = query({
      stepMin: 30,
      busy: [
        busy('2026-06-01T06:30Z', '2026-06-01T07:00Z'), // a private event 08:30–09:00
        busy('2026-06-01T08:00Z', '2026-06-01T09:00Z'), // a session 10:00–11:00
        busy('2026-06-01T08:15Z', '2026-06-01T08:30Z'), // a meeting inside the session
        busy('2026-06-01T08:45Z', '2026-06-01T09:40Z'), // a private event 10:45–11:40
      ],
      days: [day],
    });
    expect(starts(q)).toEqual(['09:00', '12:00'].map((t) => `${JUNE_1} ${t}`));
  });

  it('ignores busy time on other days and empty intervals', () => {
    const q = query({
      busy: [busy('2026-05-31T08:00Z', '2026-05-31T20:00Z'), busy('2026-06-01T08:00Z', '2026-06-01T08:00Z')],
      days: [{ date: JUNE_1, ranges: [range('09:00', '12:00')] }],
    });
    expect(starts(q)).toHaveLength(3);
  });
});

describe('freeSlots: lead time and horizon', () => {
  it('offers no start before now + lead time', () => {
    const q = query({
      stepMin: 30,
      earliestStartMs: ms('2026-06-01T08:15Z'), // 10:15 local
      days: [{ date: JUNE_1, ranges: [range('09:00', '12:00')] }],
    });
    expect(starts(q)).toEqual([`${JUNE_1} 10:30`, `${JUNE_1} 11:00`]);
  });

  it('offers nothing after the last open date', () => {
    const q = query({
      lastDate: '2026-06-02',
      days: ['2026-06-01', '2026-06-02', '2026-06-03'].map((date) => ({ date, ranges: [range('09:00', '10:00')] })),
    });
    expect(starts(q)).toEqual(['2026-06-01 09:00', '2026-06-02 09:00']);
  });
});

describe('freeSlots: Europe/Madrid daylight-saving days', () => {
  const SPRING = '2026-03-29'; // 02:00 CET → 03:00 CEST
  const AUTUMN = '2026-10-25'; // 03:00 CEST → 02:00 CET: 02:00–02:59 happens twice

  it('offers no start in the spring-forward gap', () => {
    const q = query({ durationMin: 30, days: [{ date: SPRING, ranges: [range('00:00', '05:00')] }] });
    expect(starts(q).map((s) => s.slice(11))).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30']);
    expect(instants(q).slice(2, 5)).toEqual(['2026-03-29T00:00Z–00:30Z', '2026-03-29T00:30Z–01:00Z', '2026-03-29T01:00Z–01:30Z']);
  });

  it('measures the range in real minutes: 01:00–03:00 holds one hour that night', () => {
    const q = query({ stepMin: 30, days: [{ date: SPRING, ranges: [range('01:00', '03:00')] }] });
    // 01:30 CET + 60 min = 03:30 CEST, after the range's end (03:00 CEST).
    expect(instants(q)).toEqual(['2026-03-29T00:00Z–01:00Z']);
  });

  it('lets a slot cross the gap when it fits in real time', () => {
    const q = query({ stepMin: 30, days: [{ date: SPRING, ranges: [range('01:00', '04:00')] }] });
    expect(starts(q).map((s) => s.slice(11))).toEqual(['01:00', '01:30', '03:00']);
    expect(instants(q)).toEqual(['2026-03-29T00:00Z–01:00Z', '2026-03-29T00:30Z–01:30Z', '2026-03-29T01:00Z–02:00Z']);
  });

  it('ends a slot by real minutes on the fall-back night: 01:30–03:30 on 2027-10-31 holds 02:45 CEST for an hour', () => {
    const q = query({ stepMin: 15, days: [{ date: '2027-10-31', ranges: [range('01:30', '03:30')] }] });
    expect(starts(q).map((s) => s.slice(11))).toEqual(['01:30', '01:45', '02:00', '02:15', '02:30', '02:45']);
    // 02:45 CEST = 00:45Z, ends 01:45Z (02:45 CET), before the range closes at 03:30 CET (02:30Z).
    expect(instants(q).at(-1)).toBe('2027-10-31T00:45Z–01:45Z');
  });

  it('offers the repeated autumn hour once, at its first instant', () => {
    const q = query({ durationMin: 30, days: [{ date: AUTUMN, ranges: [range('01:00', '04:00')] }] });
    expect(starts(q).map((s) => s.slice(11))).toEqual(['01:00', '01:30', '02:00', '02:30', '03:00', '03:30']);
    expect(instants(q)).toEqual([
      '2026-10-24T23:00Z–23:30Z',
      '2026-10-24T23:30Z–00:00Z',
      '2026-10-25T00:00Z–00:30Z',
      '2026-10-25T00:30Z–01:00Z',
      '2026-10-25T02:00Z–02:30Z',
      '2026-10-25T02:30Z–03:00Z',
    ]);
  });

  it('does not offer the second 02:00 when the first is busy', () => {
    const q = query({
      durationMin: 30,
      busy: [busy('2026-10-25T00:00Z', '2026-10-25T01:00Z')],
      days: [{ date: AUTUMN, ranges: [range('01:00', '04:00')] }],
    });
    expect(starts(q).map((s) => s.slice(11))).toEqual(['01:00', '01:30', '03:00', '03:30']);
  });

  it('keeps ordinary days around the changes on their own offsets', () => {
    const q = query({
      days: ['2026-03-28', SPRING, '2026-03-30'].map((date) => ({ date, ranges: [range('09:00', '10:00')] })),
    });
    expect(instants(q)).toEqual(['2026-03-28T08:00Z–09:00Z', '2026-03-29T07:00Z–08:00Z', '2026-03-30T07:00Z–08:00Z']);
  });
});

describe('freeSlots: America/Santiago daylight-saving days', () => {
  // Verified with Intl: 2026-09-06 04:00Z −04 → −03 (00:00 → 01:00); 2026-04-05 03:00Z −03 → −04 (24:00 → 23:00 on 04-04).
  it('skips the gap at midnight on 2026-09-06', () => {
    const q = query({ timeZone: SANTIAGO, durationMin: 30, days: [{ date: '2026-09-06', ranges: [range('00:00', '03:00')] }] });
    expect(starts(q).map((s) => s.slice(11))).toEqual(['01:00', '01:30', '02:00', '02:30']);
    expect(instants(q)[0]).toBe('2026-09-06T04:00Z–04:30Z');
  });

  it("closes the evening before the gap at its '24:00', the same instant as 01:00 next day", () => {
    const q = query({ timeZone: SANTIAGO, days: [{ date: '2026-09-05', ranges: [range('22:00', '24:00')] }] });
    expect(instants(q)).toEqual(['2026-09-06T02:00Z–03:00Z', '2026-09-06T03:00Z–04:00Z']);
  });

  it('offers the repeated 23:00 hour of 2026-04-04 once, and closes the range at the real midnight', () => {
    const q = query({ timeZone: SANTIAGO, durationMin: 30, days: [{ date: '2026-04-04', ranges: [range('22:00', '24:00')] }] });
    expect(starts(q).map((s) => s.slice(11))).toEqual(['22:00', '22:30', '23:00', '23:30']);
    expect(instants(q)).toEqual([
      '2026-04-05T01:00Z–01:30Z',
      '2026-04-05T01:30Z–02:00Z',
      '2026-04-05T02:00Z–02:30Z',
      '2026-04-05T02:30Z–03:00Z',
    ]);
  });

  it('lets a slot run into the repeated hour when it fits before midnight, counting real minutes', () => {
    const q = query({ timeZone: SANTIAGO, durationMin: 90, stepMin: 30, days: [{ date: '2026-04-04', ranges: [range('22:00', '24:00')] }] });
    // The range holds three real hours (01:00Z–04:00Z): 23:30 −03 + 90 min = 23:00 −04 (second time)… up to
    // midnight, 04:00Z, although 23:30 + 90 wall minutes is past 24:00.
    expect(instants(q)).toEqual(['2026-04-05T01:00Z–02:30Z', '2026-04-05T01:30Z–03:00Z', '2026-04-05T02:00Z–03:30Z', '2026-04-05T02:30Z–04:00Z']);
  });

  it('opens a range whose start is in the spring-forward gap where the booking check does (00:30 → 01:30 −03)', () => {
    const q = query({ timeZone: SANTIAGO, durationMin: 60, stepMin: 30, days: [{ date: '2028-09-03', ranges: [range('00:30', '04:00')] }] });
    // 01:00 −03 exists but is before 00:30 read as 'compatible' (04:30Z): not offered.
    expect(starts(q).map((s) => s.slice(11))).toEqual(['01:30', '02:00', '02:30', '03:00']);
    expect(instants(q)[0]).toBe('2028-09-03T04:30Z–05:30Z');
  });

  it('reads the next morning with the new offset', () => {
    const q = query({ timeZone: SANTIAGO, days: [{ date: '2026-04-05', ranges: [range('00:00', '02:00')] }] });
    expect(instants(q)).toEqual(['2026-04-05T04:00Z–05:00Z', '2026-04-05T05:00Z–06:00Z']);
  });
});
