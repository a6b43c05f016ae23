import type { ScheduleCreateInput, ScheduleUpdateInput } from '../../src-shared/api/schedules';
import type { TagMatch } from '../../src-shared/domain/agenda';
import type { AppointmentSchedule, ScheduleVisibility, WeeklyRange } from '../../src-shared/domain/appointments';
import { draftOf, endForApi, type RangeDraft } from './time-ranges';

export const leadUnits = ['minutes', 'hours', 'days'] as const;
export type LeadUnit = (typeof leadUnits)[number];
const unitMinutes: Record<LeadUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/** The schedule editor as its inputs hold it. */
export interface ScheduleFormState {
  staffId: string;
  name: string;
  serviceIds: string[];
  durationMin: string;
  bufferBeforeMin: string;
  bufferAfterMin: string;
  leadTime: string;
  leadUnit: LeadUnit;
  horizonDays: string;
  visibility: ScheduleVisibility;
  tagMatch: TagMatch;
  tagIds: string[];
  redeemableWithPasses: boolean;
  /** One list of ranges per weekday, Monday first. */
  week: RangeDraft[][];
}

/** The editor's error slots, named as the API names its inputs. */
export const scheduleFields = [
  'staffId',
  'name',
  'serviceIds',
  'durationMin',
  'bufferBeforeMin',
  'bufferAfterMin',
  'leadTimeMin',
  'horizonDays',
  'visibility',
  'tagMatch',
  'tagIds',
  'redeemableWithPasses',
  'ranges',
] as const;
export type ScheduleField = (typeof scheduleFields)[number];

export function newScheduleForm(staffId: string): ScheduleFormState {
  return {
    staffId,
    name: '',
    serviceIds: [],
    durationMin: '60',
    bufferBeforeMin: '0',
    bufferAfterMin: '0',
    leadTime: '0',
    leadUnit: 'hours',
    horizonDays: '60',
    visibility: 'all',
    tagMatch: 'all',
    tagIds: [],
    redeemableWithPasses: false,
    week: Array.from({ length: 7 }, () => []),
  };
}

/** The largest unit that says the lead time exactly (2 days rather than 2880 minutes). */
export function leadTimeParts(minutes: number): { value: string; unit: LeadUnit } {
  if (minutes > 0 && minutes % unitMinutes.days === 0) return { value: String(minutes / unitMinutes.days), unit: 'days' };
  if (minutes > 0 && minutes % unitMinutes.hours === 0) return { value: String(minutes / unitMinutes.hours), unit: 'hours' };
  return { value: String(minutes), unit: minutes === 0 ? 'hours' : 'minutes' };
}

export function scheduleFormOf(s: AppointmentSchedule): ScheduleFormState {
  const lead = leadTimeParts(s.leadTimeMin);
  return {
    staffId: s.staffId,
    name: s.name,
    serviceIds: [...s.serviceIds],
    durationMin: String(s.durationMin),
    bufferBeforeMin: String(s.bufferBeforeMin),
    bufferAfterMin: String(s.bufferAfterMin),
    leadTime: lead.value,
    leadUnit: lead.unit,
    horizonDays: String(s.horizonDays),
    visibility: s.visibility,
    tagMatch: s.tagMatch,
    tagIds: [...s.tagIds],
    redeemableWithPasses: s.redeemableWithPasses,
    week: Array.from({ length: 7 }, (_, i) => s.ranges.filter((r) => r.weekday === i + 1).map(draftOf)),
  };
}

/** A number typed in a field; empty is `empty`; anything else goes to the API as typed (NaN included, so it refuses it). */
function numberOf(text: string, empty: number | undefined): number | undefined {
  const s = text.trim().replace(',', '.');
  return s === '' ? empty : Number(s);
}

/** A number the API needs; undefined when the field is empty (the editor says so before calling). */
function required(text: string): number {
  return numberOf(text, undefined) as number;
}

export function leadTimeMinutes(value: string, unit: LeadUnit): number {
  const n = numberOf(value, 0) as number;
  return Math.round(n * unitMinutes[unit]);
}

/**
 * The weekly ranges in the order the API receives them (weekday, then the desk's order), with the
 * key of each one's row: the API's "ranges.3" is the fourth of this list.
 */
export function flatRanges(week: readonly RangeDraft[][]): { ranges: WeeklyRange[]; keys: number[] } {
  const ranges: WeeklyRange[] = [];
  const keys: number[] = [];
  week.forEach((day, i) => {
    for (const r of day) {
      ranges.push({ weekday: i + 1, start: r.start, end: endForApi(r.end) });
      keys.push(r.key);
    }
  });
  return { ranges, keys };
}

/** The index an API error names in a list field ("ranges.3.end" → 3). */
export function indexOfError(field: string | undefined, list: string): number | undefined {
  const m = field === undefined ? null : new RegExp(`^${list}\\.(\\d+)(\\.|$)`).exec(field);
  return m ? Number(m[1]) : undefined;
}

/** The fields the desk must fill before saving, in the order of the form. */
export type RequiredField = 'staffId' | 'name' | 'serviceIds' | 'durationMin' | 'horizonDays';

export function missingField(s: ScheduleFormState): RequiredField | undefined {
  if (!s.staffId) return 'staffId';
  if (!s.name.trim()) return 'name';
  if (s.serviceIds.length === 0) return 'serviceIds';
  if (!s.durationMin.trim()) return 'durationMin';
  if (!s.horizonDays.trim()) return 'horizonDays';
  return undefined;
}

function commonFields(s: ScheduleFormState) {
  return {
    name: s.name,
    durationMin: required(s.durationMin),
    bufferBeforeMin: numberOf(s.bufferBeforeMin, 0),
    bufferAfterMin: numberOf(s.bufferAfterMin, 0),
    leadTimeMin: leadTimeMinutes(s.leadTime, s.leadUnit),
    horizonDays: required(s.horizonDays),
    visibility: s.visibility,
    tagMatch: s.tagMatch,
    tagIds: s.visibility === 'tags' ? s.tagIds : [],
    redeemableWithPasses: s.redeemableWithPasses,
    serviceIds: s.serviceIds,
    ranges: flatRanges(s.week).ranges,
  };
}

export function toCreateInput(s: ScheduleFormState): ScheduleCreateInput {
  return { staffId: s.staffId, ...commonFields(s) };
}

/** Every field of the editor (the weekly ranges replace the old ones); the active flag is the list's. */
export function toUpdateInput(id: string, s: ScheduleFormState): ScheduleUpdateInput {
  return { id, ...commonFields(s) };
}
