import { describe, expect, it } from 'vitest';
import type { AppointmentSchedule, WeeklyRange } from '../../src-shared/domain/appointments';
import {
  flatRanges,
  indexOfError,
  leadTimeMinutes,
  leadTimeParts,
  missingField,
  newScheduleForm,
  scheduleFormOf,
  toCreateInput,
  toUpdateInput,
  type ScheduleFormState,
} from '../../src-renderer/schedules/schedule-form';
import { draftOf, endForApi, endForInput, formatRange, rangeAfter, type RangeDraft } from '../../src-renderer/schedules/time-ranges';
import { weekSummary } from '../../src-renderer/schedules/week-summary';

const days = ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'];

/** A row of the weekly grid as the desk typed it. */
const row = (key: number, start: string, end: string): RangeDraft => ({ key, start, end });

/** A week of rows, Monday first; days not given have none. */
function weekOf(byDay: Partial<Record<number, RangeDraft[]>>): RangeDraft[][] {
  return Array.from({ length: 7 }, (_, i) => byDay[i + 1] ?? []);
}

function filledForm(patch: Partial<ScheduleFormState> = {}): ScheduleFormState {
  return { ...newScheduleForm('S1'), name: 'Color', serviceIds: ['V1'], ...patch };
}

describe('the lead time, in the unit the desk chose', () => {
  it('turns minutes, hours and days into minutes, decimals the local way', () => {
    expect(leadTimeMinutes('45', 'minutes')).toBe(45);
    expect(leadTimeMinutes('2', 'hours')).toBe(120);
    expect(leadTimeMinutes('1,5', 'hours')).toBe(90);
    expect(leadTimeMinutes('2', 'days')).toBe(2880);
    expect(leadTimeMinutes(' 3 ', 'days')).toBe(3 * 24 * 60);
  });

  it('reads an empty field as no lead time, and sends anything else as typed for the API to refuse', () => {
    expect(leadTimeMinutes('', 'days')).toBe(0);
    expect(leadTimeMinutes('  ', 'hours')).toBe(0);
    expect(leadTimeMinutes('abc', 'hours')).toBeNaN();
  });

  it('shows a stored lead time in the largest unit that says it exactly', () => {
    expect(leadTimeParts(2880)).toEqual({ value: '2', unit: 'days' });
    expect(leadTimeParts(120)).toEqual({ value: '2', unit: 'hours' });
    expect(leadTimeParts(1500)).toEqual({ value: '25', unit: 'hours' });
    expect(leadTimeParts(90)).toEqual({ value: '90', unit: 'minutes' });
    expect(leadTimeParts(0)).toEqual({ value: '0', unit: 'hours' });
  });

  it('gives back the same minutes it was shown from', () => {
    for (const minutes of [0, 5, 59, 60, 90, 1440, 1500, 10_080]) {
      const { value, unit } = leadTimeParts(minutes);
      expect(leadTimeMinutes(value, unit)).toBe(minutes);
    }
  });
});

describe('the weekly ranges and their errors', () => {
  it('flattens the week by weekday, keeping the desk order within a day, with each row key beside its range', () => {
    const week = weekOf({
      1: [row(11, '16:00', '20:00'), row(12, '09:00', '13:00')],
      3: [row(31, '10:00', '00:00')],
      7: [row(71, '18:00', '22:00')],
    });
    expect(flatRanges(week)).toEqual({
      ranges: [
        { weekday: 1, start: '16:00', end: '20:00' },
        { weekday: 1, start: '09:00', end: '13:00' },
        { weekday: 3, start: '10:00', end: '24:00' },
        { weekday: 7, start: '18:00', end: '22:00' },
      ],
      keys: [11, 12, 31, 71],
    });
  });

  it('finds the row of an error the API names by its flat index', () => {
    const week = weekOf({ 2: [row(21, '09:00', '12:00'), row(22, '11:30', '13:00')], 4: [row(41, '12:00', '09:00')] });
    const { keys } = flatRanges(week);
    const rowOf = (field: string) => {
      const index = indexOfError(field, 'ranges');
      return index === undefined ? undefined : keys[index];
    };
    expect(rowOf('ranges.1')).toBe(22);
    expect(rowOf('ranges.2.end')).toBe(41);
    expect(rowOf('ranges.0.start')).toBe(21);
    expect(rowOf('ranges.7')).toBeUndefined();
  });

  it('reads a list index only from a field of that list', () => {
    expect(indexOfError('ranges.3', 'ranges')).toBe(3);
    expect(indexOfError('ranges.12.end', 'ranges')).toBe(12);
    expect(indexOfError('ranges', 'ranges')).toBeUndefined();
    expect(indexOfError('ranges.1x', 'ranges')).toBeUndefined();
    expect(indexOfError('serviceIds.1', 'ranges')).toBeUndefined();
    expect(indexOfError('oldranges.1', 'ranges')).toBeUndefined();
    expect(indexOfError(undefined, 'ranges')).toBeUndefined();
  });

  it('sends 00:00 typed as an end as 24:00, and shows 24:00 back as 00:00', () => {
    expect(endForApi('00:00')).toBe('24:00');
    expect(endForApi('20:00')).toBe('20:00');
    expect(endForInput('24:00')).toBe('00:00');
    expect(endForInput('13:30')).toBe('13:30');
    const draft = draftOf({ start: '16:00', end: '24:00' });
    expect(draft).toMatchObject({ start: '16:00', end: '00:00' });
    expect(draftOf({ start: '16:00', end: '24:00' }).key).not.toBe(draft.key);
  });

  it('adds a range an hour after the last one, within the day, or none after midnight', () => {
    expect(rangeAfter(undefined)).toMatchObject({ start: '09:00', end: '14:00' });
    expect(rangeAfter(row(1, '09:00', '14:00'))).toMatchObject({ start: '15:00', end: '16:00' });
    expect(rangeAfter(row(1, '20:00', '22:30'))).toMatchObject({ start: '23:00', end: '00:00' });
    // Almost the end of the day: the new range touches the last one.
    expect(rangeAfter(row(1, '20:00', '23:30'))).toMatchObject({ start: '23:30', end: '00:00' });
    expect(rangeAfter(row(1, '20:00', '00:00'))).toBeNull();
    // An end not typed yet: after the start; nothing readable: the morning.
    expect(rangeAfter(row(1, '10:00', ''))).toMatchObject({ start: '11:00', end: '12:00' });
    expect(rangeAfter(row(1, '', ''))).toMatchObject({ start: '09:00', end: '14:00' });
  });

  it('writes a range with an en dash', () => {
    expect(formatRange({ start: '09:00', end: '13:00' })).toBe('09:00–13:00');
  });
});

describe('the week in one line', () => {
  const range = (weekday: number, start: string, end: string): WeeklyRange => ({ weekday, start, end });

  it('runs together the days with the same hours, each day sorted by start', () => {
    const ranges = [1, 2, 3, 4, 5].flatMap((d) => [range(d, '16:00', '20:00'), range(d, '09:00', '13:00')]);
    expect(weekSummary([...ranges, range(6, '10:00', '14:00')], days)).toBe('lun–vie 09:00–13:00, 16:00–20:00 · sáb 10:00–14:00');
  });

  it('joins two days with a comma, and keeps apart days that are not next to each other', () => {
    expect(weekSummary([range(1, '09:00', '13:00'), range(2, '09:00', '13:00')], days)).toBe('lun, mar 09:00–13:00');
    expect(weekSummary([range(1, '09:00', '13:00'), range(3, '09:00', '13:00')], days)).toBe('lun 09:00–13:00 · mié 09:00–13:00');
    expect(weekSummary([range(1, '09:00', '13:00'), range(2, '09:00', '14:00'), range(3, '09:00', '13:00')], days)).toBe(
      'lun 09:00–13:00 · mar 09:00–14:00 · mié 09:00–13:00',
    );
  });

  it('shows a range to midnight as ending at 24:00, and an empty week as nothing', () => {
    expect(weekSummary([range(6, '16:00', '24:00'), range(7, '16:00', '24:00')], days)).toBe('sáb, dom 16:00–24:00');
    expect(weekSummary([], days)).toBe('');
  });
});

describe('the schedule editor', () => {
  it('names the first required field left empty, in the order of the form', () => {
    expect(missingField(newScheduleForm(''))).toBe('staffId');
    expect(missingField(newScheduleForm('S1'))).toBe('name');
    expect(missingField(filledForm({ name: '  ' }))).toBe('name');
    expect(missingField(filledForm({ serviceIds: [] }))).toBe('serviceIds');
    expect(missingField(filledForm({ durationMin: ' ' }))).toBe('durationMin');
    expect(missingField(filledForm({ horizonDays: '' }))).toBe('horizonDays');
    expect(missingField(filledForm())).toBeUndefined();
  });

  it('sends numbers as typed, empty buffers as none, the lead time in minutes and the flat ranges', () => {
    const input = toCreateInput(
      filledForm({
        durationMin: '45',
        bufferBeforeMin: '',
        bufferAfterMin: '7,5',
        leadTime: '2',
        leadUnit: 'days',
        horizonDays: 'x',
        week: weekOf({ 5: [row(1, '16:00', '00:00')] }),
      }),
    );
    expect(input).toMatchObject({ staffId: 'S1', name: 'Color', durationMin: 45, bufferBeforeMin: 0, bufferAfterMin: 7.5, leadTimeMin: 2880, serviceIds: ['V1'] });
    expect(input.horizonDays).toBeNaN();
    expect(input.ranges).toEqual([{ weekday: 5, start: '16:00', end: '24:00' }]);
  });

  it('sends the tags only when the schedule is visible by tags', () => {
    expect(toCreateInput(filledForm({ visibility: 'all', tagIds: ['T1'] })).tagIds).toEqual([]);
    expect(toCreateInput(filledForm({ visibility: 'tags', tagMatch: 'any', tagIds: ['T1'] }))).toMatchObject({ visibility: 'tags', tagMatch: 'any', tagIds: ['T1'] });
  });

  it('opens a stored schedule as the desk sees it and saves it back unchanged', () => {
    const schedule: AppointmentSchedule = {
      id: 'A1',
      staffId: 'S1',
      staffName: 'Ana',
      name: 'Tardes',
      durationMin: 30,
      bufferBeforeMin: 5,
      bufferAfterMin: 10,
      leadTimeMin: 1440,
      horizonDays: 60,
      visibility: 'tags',
      tagMatch: 'all',
      tagIds: ['T1'],
      redeemableWithPasses: true,
      active: true,
      serviceIds: ['V1', 'V2'],
      ranges: [
        { weekday: 1, start: '09:00', end: '13:00' },
        { weekday: 1, start: '16:00', end: '24:00' },
        { weekday: 6, start: '10:00', end: '14:00' },
      ],
    };
    const form = scheduleFormOf(schedule);
    expect(form).toMatchObject({ leadTime: '1', leadUnit: 'days', durationMin: '30', bufferAfterMin: '10', horizonDays: '60' });
    expect(form.week.map((day) => day.map((r) => `${r.start}-${r.end}`))).toEqual([['09:00-13:00', '16:00-00:00'], [], [], [], [], ['10:00-14:00'], []]);
    // Everything but the professional (fixed) and the active flag (the list's).
    const { id, staffId: _staffId, staffName: _staffName, active: _active, ...fields } = schedule;
    expect(toUpdateInput(id, form)).toEqual({ id, ...fields });
    // The form holds copies: editing it leaves the stored schedule alone.
    form.serviceIds.push('V3');
    expect(schedule.serviceIds).toEqual(['V1', 'V2']);
  });
});
