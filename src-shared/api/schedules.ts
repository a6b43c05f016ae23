import { z } from 'zod';
import type { AppointmentSchedule, CentreHoliday, ScheduleException } from '../domain/appointments';
import { exceptionKinds } from '../domain/appointments';
import { command, query, returns } from './define-call';
import { durationMin, id, isoDate, localTime, optionalText, text } from './fields';
import { everyone, managers } from './access';

/** The end of a range may be midnight at the end of the day. */
export const rangeEnd = z.union([localTime, z.literal('24:00')]);

export const timeRange = z.strictObject({ start: localTime, end: rangeEnd });
export const weeklyRange = z.strictObject({ weekday: z.number().int().min(1).max(7), start: localTime, end: rangeEnd });

const bufferMin = z.number().int().min(0).max(240);

const scheduleFields = {
  name: text(80),
  durationMin,
  bufferBeforeMin: bufferMin.optional(),
  bufferAfterMin: bufferMin.optional(),
  /** Minutes; up to 60 days. */
  leadTimeMin: z.number().int().min(0).max(60 * 24 * 60).optional(),
  horizonDays: z.number().int().min(1).max(730).optional(),
  visibility: z.enum(['all', 'tags']).optional(),
  tagMatch: z.enum(['all', 'any']).optional(),
  tagIds: z.array(id).max(20).optional(),
  redeemableWithPasses: z.boolean().optional(),
  active: z.boolean().optional(),
  serviceIds: z.array(id).min(1).max(100),
  ranges: z.array(weeklyRange).max(100),
};

export const scheduleCreateInput = z.strictObject({ staffId: id, ...scheduleFields });
export type ScheduleCreateInput = z.input<typeof scheduleCreateInput>;

export const scheduleUpdateInput = z.strictObject({
  id,
  name: scheduleFields.name.optional(),
  durationMin: durationMin.optional(),
  bufferBeforeMin: scheduleFields.bufferBeforeMin,
  bufferAfterMin: scheduleFields.bufferAfterMin,
  leadTimeMin: scheduleFields.leadTimeMin,
  horizonDays: scheduleFields.horizonDays,
  visibility: scheduleFields.visibility,
  tagMatch: scheduleFields.tagMatch,
  tagIds: scheduleFields.tagIds,
  redeemableWithPasses: scheduleFields.redeemableWithPasses,
  active: scheduleFields.active,
  serviceIds: scheduleFields.serviceIds.optional(),
  /** Replaces every weekly range. */
  ranges: scheduleFields.ranges.optional(),
});
export type ScheduleUpdateInput = z.input<typeof scheduleUpdateInput>;

export const exceptionInput = z.strictObject({
  staffId: id,
  /** null or absent: every schedule of the professional. */
  scheduleId: id.nullable().optional(),
  date: isoDate,
  kind: z.enum(exceptionKinds),
  /** Required (at least one) for kind 'hours'; must be absent or empty for 'day_off'. */
  ranges: z.array(timeRange).max(20).optional(),
  note: optionalText(200),
});
export type ExceptionInput = z.input<typeof exceptionInput>;

export const schedulesApi = {
  'schedules.list': query(
    z.strictObject({ staffId: id.optional(), includeInactive: z.boolean().optional() }),
    "Appointment schedules, by professional, with their services, tags and weekly ranges",
    returns<AppointmentSchedule[]>(),
    everyone,
  ),
  'schedules.get': query(z.strictObject({ id }), 'One appointment schedule', returns<AppointmentSchedule>(), everyone),
  'schedules.create': command(
    scheduleCreateInput,
    "Create a professional's appointment schedule: duration, weekly ranges, buffers, lead time, horizon, visibility, services",
    returns<AppointmentSchedule>(),
    managers,
  ),
  'schedules.update': command(scheduleUpdateInput, 'Change an appointment schedule (given fields only; ranges replace all)', returns<AppointmentSchedule>(), managers),
  'schedules.delete': command(
    z.strictObject({ id }),
    'Delete a schedule; its booked appointments stay, with the facts they were booked with',
    returns<{ id: string }>(),
    managers,
  ),
  'schedules.exceptions': query(
    z.strictObject({ staffId: id.optional(), from: isoDate, to: isoDate }),
    'Date exceptions (days off, different hours) in a date range',
    returns<ScheduleException[]>(),
    everyone,
  ),
  'schedules.setException': command(
    exceptionInput,
    "Set a professional's day off or different hours on a date (replaces the one already set for that date and schedule)",
    returns<ScheduleException>(),
    managers,
  ),
  'schedules.removeException': command(z.strictObject({ id }), 'Remove a date exception: the weekly hours apply again', returns<{ id: string }>(), managers),
  'holidays.list': query(
    z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
    'Centre holidays (no appointment slots), by date',
    returns<CentreHoliday[]>(),
    everyone,
  ),
  'holidays.set': command(z.strictObject({ date: isoDate, name: text(80) }), 'Mark a date as a centre holiday (or rename it)', returns<CentreHoliday>(), managers),
  'holidays.remove': command(z.strictObject({ date: isoDate }), 'Open the centre again on a holiday date', returns<{ date: string }>(), managers),
};
