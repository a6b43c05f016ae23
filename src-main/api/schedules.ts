import type { ExceptionInput } from '../../src-shared/api/schedules';
import type { TimeRange } from '../../src-shared/domain/appointments';
import type { ReadDb } from '../db/database';
import { deleteException, loadException, readExceptions, writeException } from '../db/queries/exceptions';
import { assertHolidayExists, deleteHoliday, readHolidays, writeHoliday } from '../db/queries/holidays';
import { assertAllExist, deleteSchedule, insertSchedule, loadSchedule, readSchedules, updateSchedule, writeScheduleParts } from '../db/queries/schedules';
import { loadStaffMember } from '../db/queries/staff';
import type { AppointmentSchedulesTable } from '../db/tables/appointments';
import type { RangeToCheck } from '../engine/appointments/validate-ranges';
import { invalidRanges } from '../engine/appointments/validate-ranges';
import { newId } from '../engine/ids';
import { checkLocalRange } from './agenda-range';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';
import { problemOf } from '../errors/problem-of';

type ScheduleHandlers = Pick<
  Handlers,
  | 'schedules.list'
  | 'schedules.get'
  | 'schedules.create'
  | 'schedules.update'
  | 'schedules.delete'
  | 'schedules.exceptions'
  | 'schedules.setException'
  | 'schedules.removeException'
  | 'holidays.list'
  | 'holidays.set'
  | 'holidays.remove'
>;

/** How far ahead booking opens when the schedule does not say. */
export const defaultHorizonDays = 60;
/** The longest date range schedules.exceptions lists (inclusive days). */
const maxExceptionDays = 400;

/** Ranges of one weekday (or of one date) may touch but not overlap, and each must start before it ends: every bad one. */
function rangeProblems(ranges: readonly RangeToCheck[]): AppError[] {
  return invalidRanges(ranges).map((index) => new AppError('overlapping_ranges', `ranges.${index}`));
}

export interface ScheduleFieldsToCheck {
  staffId?: string | undefined;
  serviceIds?: readonly string[] | undefined;
  tagIds?: readonly string[] | undefined;
  ranges?: readonly RangeToCheck[] | undefined;
}

/** Every bad field of a schedule at once: its professional, its weekly ranges, its services and tags. */
export async function scheduleFieldProblems(db: ReadDb, input: ScheduleFieldsToCheck): Promise<AppError[]> {
  const { staffId, serviceIds, tagIds } = input;
  return [
    ...(staffId !== undefined ? await problemOf(() => loadStaffMember(db, staffId, 'staffId')) : []),
    ...(input.ranges ? rangeProblems(input.ranges) : []),
    ...(serviceIds ? await problemOf(() => assertAllExist(db, 'services', serviceIds, 'serviceIds')) : []),
    ...(tagIds ? await problemOf(() => assertAllExist(db, 'tags', tagIds, 'tagIds')) : []),
  ];
}

async function checkScheduleFields(db: ReadDb, input: ScheduleFieldsToCheck): Promise<void> {
  const refusal = AppError.combine(await scheduleFieldProblems(db, input));
  if (refusal) throw refusal;
}

/** A day off has no hours; different hours need at least one range, none overlapping. */
function exceptionRangeProblems(input: Pick<ExceptionInput, 'kind' | 'ranges'>): AppError[] {
  const ranges = input.ranges ?? [];
  if (input.kind === 'day_off') return ranges.length > 0 ? [new AppError('invalid_input', 'ranges')] : [];
  if (ranges.length === 0) return [new AppError('ranges_required', 'ranges')];
  return rangeProblems(ranges);
}

/** Every bad field of a date exception at once: its professional, its schedule (theirs), its hours. */
export async function exceptionFieldProblems(db: ReadDb, input: Partial<Pick<ExceptionInput, 'staffId' | 'scheduleId' | 'kind' | 'ranges'>>): Promise<AppError[]> {
  const { staffId, scheduleId, kind } = input;
  return [
    ...(staffId !== undefined ? await problemOf(() => loadStaffMember(db, staffId, 'staffId')) : []),
    ...(await problemOf(async () => {
      if (!scheduleId) return;
      const schedule = await loadSchedule(db, scheduleId, 'scheduleId');
      if (staffId !== undefined && schedule.staffId !== staffId) throw new AppError('invalid_input', 'scheduleId');
    })),
    ...(kind !== undefined ? exceptionRangeProblems({ kind, ranges: input.ranges }) : []),
  ];
}

function sortedRanges(input: ExceptionInput): TimeRange[] {
  return input.kind === 'day_off' ? [] : [...(input.ranges ?? [])].sort((a, b) => a.start.localeCompare(b.start));
}

export const scheduleHandlers: ScheduleHandlers = {
  'schedules.list': async ({ staffId, includeInactive }, { db }) =>
    readSchedules(db, { ...(staffId !== undefined ? { staffId } : {}), includeInactive: includeInactive ?? false }),

  'schedules.get': async ({ id }, { db }) => loadSchedule(db, id),

  'schedules.create': async (input, { tx, now, log }) => {
    await checkScheduleFields(tx, input);
    const row: AppointmentSchedulesTable = {
      id: newId(),
      staff_id: input.staffId,
      name: input.name,
      duration_min: input.durationMin,
      buffer_before_min: input.bufferBeforeMin ?? 0,
      buffer_after_min: input.bufferAfterMin ?? 0,
      lead_time_min: input.leadTimeMin ?? 0,
      horizon_days: input.horizonDays ?? defaultHorizonDays,
      visibility: input.visibility ?? 'all',
      tag_match: input.tagMatch ?? 'any',
      redeemable_with_passes: input.redeemableWithPasses ? 1 : 0,
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    };
    await insertSchedule(tx, row);
    await writeScheduleParts(tx, row.id, { serviceIds: input.serviceIds, tagIds: input.tagIds ?? [], ranges: input.ranges }, now);
    log({ entity: 'appointment_schedule', entityId: row.id, changes: { ...input } });
    return loadSchedule(tx, row.id);
  },

  'schedules.update': async (input, { tx, now, log }) => {
    const { id, serviceIds, tagIds, ranges, ...fields } = input;
    await loadSchedule(tx, id);
    await checkScheduleFields(tx, { serviceIds, tagIds, ranges });
    await updateSchedule(
      tx,
      id,
      {
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.durationMin !== undefined ? { duration_min: fields.durationMin } : {}),
        ...(fields.bufferBeforeMin !== undefined ? { buffer_before_min: fields.bufferBeforeMin } : {}),
        ...(fields.bufferAfterMin !== undefined ? { buffer_after_min: fields.bufferAfterMin } : {}),
        ...(fields.leadTimeMin !== undefined ? { lead_time_min: fields.leadTimeMin } : {}),
        ...(fields.horizonDays !== undefined ? { horizon_days: fields.horizonDays } : {}),
        ...(fields.visibility !== undefined ? { visibility: fields.visibility } : {}),
        ...(fields.tagMatch !== undefined ? { tag_match: fields.tagMatch } : {}),
        ...(fields.redeemableWithPasses !== undefined ? { redeemable_with_passes: fields.redeemableWithPasses ? 1 : 0 } : {}),
        ...(fields.active !== undefined ? { active: fields.active ? 1 : 0 } : {}),
      },
      now,
    );
    await writeScheduleParts(tx, id, { ...(serviceIds ? { serviceIds } : {}), ...(tagIds ? { tagIds } : {}), ...(ranges ? { ranges } : {}) }, now);
    log({ entity: 'appointment_schedule', entityId: id, changes: { ...fields, serviceIds, tagIds, ranges } });
    return loadSchedule(tx, id);
  },

  'schedules.delete': async ({ id }, { tx, log }) => {
    await loadSchedule(tx, id);
    await deleteSchedule(tx, id);
    log({ entity: 'appointment_schedule', entityId: id, changes: { deleted: true } });
    return { id };
  },

  'schedules.exceptions': async ({ staffId, from, to }, { db }) => {
    checkLocalRange(from, to, maxExceptionDays);
    return readExceptions(db, from, to, staffId !== undefined ? [staffId] : undefined);
  },

  'schedules.setException': async (input, { tx, now, log }) => {
    const scheduleId = input.scheduleId ?? null;
    const refusal = AppError.combine(await exceptionFieldProblems(tx, input));
    if (refusal) throw refusal;
    const ranges = sortedRanges(input);
    const id = await writeException(tx, { staffId: input.staffId, scheduleId, date: input.date, kind: input.kind, ranges, note: input.note ?? null }, now);
    log({ entity: 'schedule_exception', entityId: id, changes: { staffId: input.staffId, scheduleId, date: input.date, kind: input.kind, ranges, note: input.note } });
    return loadException(tx, id);
  },

  'schedules.removeException': async ({ id }, { tx, log }) => {
    const exception = await loadException(tx, id);
    await deleteException(tx, id);
    log({ entity: 'schedule_exception', entityId: id, changes: { deleted: true, staffId: exception.staffId, date: exception.date } });
    return { id };
  },

  'holidays.list': async ({ from, to }, { db }) => {
    if (from !== undefined && to !== undefined && to < from) throw new AppError('end_before_start', 'to');
    return readHolidays(db, from, to);
  },

  'holidays.set': async ({ date, name }, { tx, now, log }) => {
    await writeHoliday(tx, { date, name }, now);
    log({ entity: 'centre_holiday', entityId: date, changes: { date, name } });
    return { date, name };
  },

  'holidays.remove': async ({ date }, { tx, log }) => {
    await assertHolidayExists(tx, date);
    await deleteHoliday(tx, date);
    log({ entity: 'centre_holiday', entityId: date, changes: { deleted: true } });
    return { date };
  },
};
