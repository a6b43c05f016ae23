import { describe, expect, it } from 'vitest';
import type { Occurrence, Series } from '../../src-shared/domain/agenda';
import { editFormState, extentOf, fieldOfError, newFormState, toChanges, toCreateInput } from '../../src-renderer/agenda/form/series-form';
import { expandOccurrences } from '../../src-main/engine/recurrence/weekly-rule';
import { formatMoney, parseMoney } from '../../src-renderer/lib/money';

describe('prices typed at the desk', () => {
  it('reads decimals the local way and thousands separators', () => {
    expect(parseMoney('45,50', 'EUR')).toBe(4550);
    expect(parseMoney('45.5', 'EUR')).toBe(4550);
    expect(parseMoney('1.200', 'EUR')).toBe(120_000);
    expect(parseMoney('1.200,75 €', 'EUR')).toBe(120_075);
    expect(parseMoney('15.000', 'CLP')).toBe(15_000);
    expect(parseMoney('', 'EUR')).toBeNull();
    expect(parseMoney('abc', 'EUR')).toBeNull();
  });

  it('formats minor units in the currency', () => {
    expect(formatMoney(4550, 'EUR', 'es-ES').replace(/\s/g, ' ')).toBe('45,50 €');
    expect(formatMoney(15_000, 'CLP', 'es-CL')).toContain('15.000');
  });
});

describe('the series form', () => {
  it('sends a weekly session with its recurrence, tags and places', () => {
    const s = { ...newFormState('session', '2026-12-07', 'S1'), title: 'Pilates', repeat: true, weekdays: [3, 1], endKind: 'weeks' as const, endWeeks: '8' };
    const input = toCreateInput({ ...s, attendanceMode: 'tags', tagIds: ['T1'], places: '2' });
    expect(input.recurrence).toEqual({ weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 8 } });
    expect(input).toMatchObject({ kind: 'session', attendanceMode: 'tags', tagMatch: 'all', tagIds: ['T1'], places: 2 });
  });

  it('leaves out what does not apply to a reminder', () => {
    const input = toCreateInput({ ...newFormState('reminder', '2026-12-07', 'S1'), title: 'Pedir toallas' });
    expect(input).not.toHaveProperty('places');
    expect(input).not.toHaveProperty('attendanceMode');
    expect(input).not.toHaveProperty('mode');
  });

  it('sends only what changed', () => {
    const series = { title: 'Pilates', kind: 'session', mode: 'in_person', onlineLink: null, sessionTypeId: null, description: null, hasCoverImage: false, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'never' } }, attendanceMode: 'booking', tagMatch: 'all', tagIds: [], redeemableWithPasses: false, id: 'X' } as unknown as Series;
    const occurrence = { organizerId: 'S1', localDate: '2026-12-07', localStart: '10:00', startsAt: '2026-12-07T09:00:00Z', endsAt: '2026-12-07T10:00:00Z', places: 2 } as Occurrence;
    const was = editFormState(series, occurrence);
    expect(toChanges({ ...was, startTime: '11:00' }, was)).toEqual({ startTime: '11:00' });
    expect(toChanges(was, was)).toEqual({});
  });

  it('puts an API error beside its field', () => {
    expect(fieldOfError('recurrence.weekdays')).toBe('recurrence.weekdays');
    expect(fieldOfError('changes.durationMin')).toBe('durationMin');
    expect(fieldOfError('recurrence.end.date')).toBe('recurrence.end');
    expect(fieldOfError('changes.date')).toBe('startDate');
    expect(fieldOfError('occurrenceId')).toBeUndefined();
  });
});

describe('the series form says how many occurrences a new series will have, and the last date', () => {
  const weekly = (over: Partial<ReturnType<typeof newFormState>>) => ({ ...newFormState('session', '2025-01-10', 'S1'), repeat: true, weekdays: [1, 3], ...over });

  it('a Mon/Wed course started on a Friday, for 4 weeks: 8 classes, the last on the fourth Wednesday', () => {
    expect(extentOf(weekly({ endKind: 'weeks', endWeeks: '4' }))).toEqual({ count: 8, lastDate: '2025-02-05' });
    expect(extentOf(weekly({ endKind: 'weeks', endWeeks: '4', intervalWeeks: '2' }))).toEqual({ count: 4, lastDate: '2025-02-05' });
    expect(extentOf(weekly({ endKind: 'until', endDate: '2025-01-31' }))).toEqual({ count: 6, lastDate: '2025-01-29' });
  });

  it('is what the engine materialises', () => {
    const s = weekly({ weekdays: [2, 4, 6], endKind: 'weeks', endWeeks: '9', intervalWeeks: '2' });
    const input = toCreateInput(s);
    const engine = expandOccurrences({ startDate: input.startDate, startTime: input.startTime, durationMin: 60, timeZone: 'Europe/Madrid' }, input.recurrence!, { from: '2000-01-01', to: '2100-01-01' });
    expect(extentOf(s)).toEqual({ count: engine.length, lastDate: engine.at(-1)!.localDate });
  });

  it('says nothing while the series does not repeat, never ends, or a value is missing', () => {
    expect(extentOf({ ...weekly({}), repeat: false })).toBeNull();
    expect(extentOf(weekly({ endKind: 'never' }))).toBeNull();
    expect(extentOf(weekly({ endKind: 'weeks', endWeeks: '' }))).toBeNull();
    expect(extentOf(weekly({ endKind: 'weeks', endWeeks: '0' }))).toBeNull();
    expect(extentOf(weekly({ endKind: 'weeks', endWeeks: '4', weekdays: [] }))).toBeNull();
    expect(extentOf(weekly({ endKind: 'until', endDate: '' }))).toBeNull();
    expect(extentOf(weekly({ endKind: 'until', endDate: '2025-01-01' }))).toBeNull();
    expect(extentOf(weekly({ startDate: '', endKind: 'weeks', endWeeks: '4' }))).toBeNull();
  });
});
