import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantToLocal, localToInstant, weekdayOf } from '../../src-main/engine/time/local-time';

const iso = (d: Date): string => d.toISOString().slice(0, 16) + 'Z';

describe('plain dates', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-30', 0)).toBe('2025-03-30');
  });

  it('gives ISO weekdays, Monday = 1', () => {
    expect(weekdayOf('2025-01-06')).toBe(1);
    expect(weekdayOf('2025-01-08')).toBe(3);
    expect(weekdayOf('2022-09-11')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
  });

  it('counts days between dates, positive when the second is later', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
  });

  it('rejects malformed dates and times', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => weekdayOf('2025-1-6')).toThrow(RangeError);
    expect(() => localToInstant('2025-01-06', '9:00', 'Europe/Madrid')).toThrow(RangeError);
    expect(() => localToInstant('2025-01-06', '24:00', 'Europe/Madrid')).toThrow(RangeError);
    expect(() => localToInstant('2025-01-06', '09:00', 'Europe/Nowhere')).toThrow(RangeError);
  });
});

describe('localToInstant / instantToLocal', () => {
  it('converts ordinary times both ways', () => {
    expect(iso(localToInstant('2025-01-06', '09:00', 'Europe/Madrid'))).toBe('2025-01-06T08:00Z');
    expect(iso(localToInstant('2025-07-07', '09:00', 'Europe/Madrid'))).toBe('2025-07-07T07:00Z');
    expect(iso(localToInstant('2025-01-06', '09:00', 'America/Santiago'))).toBe('2025-01-06T12:00Z');
    expect(iso(localToInstant('2025-07-07', '09:00', 'America/Santiago'))).toBe('2025-07-07T13:00Z');
    expect(iso(localToInstant('2025-01-06', '09:00', 'UTC'))).toBe('2025-01-06T09:00Z');
    expect(instantToLocal(new Date('2025-01-05T23:30:00Z'), 'Europe/Madrid')).toEqual({ date: '2025-01-06', time: '00:30', weekday: 1 });
    expect(instantToLocal(new Date('2025-01-06T02:30:00Z'), 'America/Santiago')).toEqual({ date: '2025-01-05', time: '23:30', weekday: 7 });
  });

  it('Madrid spring-forward gap: 02:30 on the last Sunday of March moves forward to 03:30 CEST', () => {
    const at = localToInstant('2025-03-30', '02:30', 'Europe/Madrid');
    expect(iso(at)).toBe('2025-03-30T01:30Z');
    expect(instantToLocal(at, 'Europe/Madrid')).toEqual({ date: '2025-03-30', time: '03:30', weekday: 7 });
    expect(iso(localToInstant('2025-03-30', '01:59', 'Europe/Madrid'))).toBe('2025-03-30T00:59Z');
    expect(iso(localToInstant('2025-03-30', '03:00', 'Europe/Madrid'))).toBe('2025-03-30T01:00Z');
  });

  it('Madrid fall-back overlap: 02:30 on the last Sunday of October is the earlier (CEST) instant', () => {
    const at = localToInstant('2025-10-26', '02:30', 'Europe/Madrid');
    expect(iso(at)).toBe('2025-10-26T00:30Z');
    expect(instantToLocal(at, 'Europe/Madrid').time).toBe('02:30');
    expect(instantToLocal(new Date('2025-10-26T01:30:00Z'), 'Europe/Madrid').time).toBe('02:30');
    expect(iso(localToInstant('2025-10-26', '03:00', 'Europe/Madrid'))).toBe('2025-10-26T02:00Z');
  });

  it('Santiago 2022: the spring-forward happened on 11 Sept (00:00–01:00 gap), not on 4 Sept', () => {
    const gap = localToInstant('2022-09-11', '00:30', 'America/Santiago');
    expect(iso(gap)).toBe('2022-09-11T04:30Z');
    expect(instantToLocal(gap, 'America/Santiago')).toEqual({ date: '2022-09-11', time: '01:30', weekday: 7 });
    const saturday = localToInstant('2022-09-10', '23:30', 'America/Santiago');
    expect(iso(saturday)).toBe('2022-09-11T03:30Z');
    expect(instantToLocal(saturday, 'America/Santiago').time).toBe('23:30');

    const fourth = localToInstant('2022-09-04', '00:30', 'America/Santiago');
    expect(iso(fourth)).toBe('2022-09-04T04:30Z');
    expect(instantToLocal(fourth, 'America/Santiago')).toEqual({ date: '2022-09-04', time: '00:30', weekday: 7 });
  });

  it('Santiago fall-back overlap: Saturday 23:30 on 2 April 2022 is the earlier (-03) instant', () => {
    expect(iso(localToInstant('2022-04-02', '23:30', 'America/Santiago'))).toBe('2022-04-03T02:30Z');
    expect(instantToLocal(new Date('2022-04-03T03:30:00Z'), 'America/Santiago')).toMatchObject({ date: '2022-04-02', time: '23:30' });
  });

  it('Mexico City has no DST since 2022', () => {
    expect(iso(localToInstant('2022-04-04', '09:00', 'America/Mexico_City'))).toBe('2022-04-04T14:00Z');
    for (const date of ['2023-01-09', '2023-04-10', '2023-07-10', '2023-11-06', '2025-04-07']) {
      expect(iso(localToInstant(date, '09:00', 'America/Mexico_City'))).toBe(`${date}T15:00Z`);
    }
  });

  it('round-trips every hour of a DST year except the gap hour', () => {
    for (const timeZone of ['Europe/Madrid', 'America/Santiago', 'America/Mexico_City', 'UTC']) {
      for (let ms = Date.UTC(2022, 0, 1); ms < Date.UTC(2023, 0, 1); ms += 3_600_000) {
        const local = instantToLocal(new Date(ms), timeZone);
        const back = localToInstant(local.date, local.time, timeZone).getTime();
        // Only the repeated hour can come back as its earlier twin.
        if (back !== ms) expect(ms - back).toBe(3_600_000);
      }
    }
  });

  it('converts 10,000 instants in well under 50 ms', () => {
    const base = Date.UTC(2025, 0, 1);
    const instants = Array.from({ length: 10_000 }, (_, i) => new Date(base + i * 3_133_000));
    for (const d of instants.slice(0, 500)) instantToLocal(d, 'America/Santiago');
    const started = performance.now();
    for (const d of instants) instantToLocal(d, 'America/Santiago');
    expect(performance.now() - started).toBeLessThan(50);
  });
});
