import type { AppointmentSchedule, OverrideRule } from '../../src-shared/domain/appointments';
import type { ErrorCode } from '../../src-shared/api/error-codes';
import { isDateInRange } from '../../src-shared/time/calendar-date';
import type { WriteTx } from '../db/database';
import { readBusyIntervals } from '../db/queries/busy-times';
import { loadBookableService } from '../db/queries/catalogue';
import { readExceptions } from '../db/queries/exceptions';
import { holidayDates } from '../db/queries/holidays';
import { readSchedules } from '../db/queries/schedules';
import { readCentreSettings } from '../db/queries/settings';
import { assertStaffActive } from '../db/queries/staff';
import { clientTagIds } from '../db/queries/tags';
import { localDate } from '../engine/time/local-date';
import { overlapsBusy } from '../engine/appointments/busy';
import { hoursOn } from '../engine/appointments/day-hours';
import { fitsHours } from '../engine/appointments/fits-hours';
import { canSeeSession } from '../engine/agenda/booking-rules';
import { addDays, instantToLocal, isWholeLocalMinute } from '../engine/time/local-time';
import { AppError } from '../errors/app-error';

const MINUTE_MS = 60_000;

/** The refusal of each rule a booking breaks, in the order they are checked. */
const refusalOf: Record<Exclude<OverrideRule, 'not_offered'>, ErrorCode> = {
  outside_hours: 'outside_hours',
  busy: 'slot_taken',
  lead_time: 'before_lead_time',
  horizon: 'beyond_horizon',
};


export function visibleTo(heldTagIds: readonly string[]) {
  return (schedule: AppointmentSchedule) => schedule.visibility === 'all' || canSeeSession(heldTagIds, schedule.tagIds, schedule.tagMatch);
}

export interface Placement {
  clientId: string;
  staffId: string;
  serviceId: string;
  startsAt: string;
  override: boolean;
  /** 'client': only schedules the client may see. */
  source: 'desk' | 'client';
  /** The appointment being moved: it does not count as busy. */
  exceptAppointmentId?: string;
}

/** One way to hold the appointment: a schedule's length and buffers (or, overriding, the service's length alone). */
interface Fit {
  schedule: AppointmentSchedule | null;
  startMs: number;
  endMs: number;
  fromMs: number;
  untilMs: number;
  inHours: boolean;
  busy: boolean;
}

function fitOf(schedule: AppointmentSchedule | null, startMs: number, serviceMin: number): Fit {
  const endMs = startMs + (schedule?.durationMin ?? serviceMin) * MINUTE_MS;
  const fromMs = startMs - (schedule?.bufferBeforeMin ?? 0) * MINUTE_MS;
  const untilMs = endMs + (schedule?.bufferAfterMin ?? 0) * MINUTE_MS;
  return { schedule, startMs, endMs, fromMs, untilMs, inHours: false, busy: false };
}

/** The professional's active schedules offering the service; for a client booking, those they may see. */
async function offeringSchedules(tx: WriteTx, p: Placement): Promise<AppointmentSchedule[]> {
  const schedules = await readSchedules(tx, { staffId: p.staffId, serviceId: p.serviceId });
  if (p.source !== 'client' || schedules.length === 0) return schedules;
  const visible = schedules.filter(visibleTo(await clientTagIds(tx, p.clientId)));
  if (visible.length === 0) throw new AppError('not_visible_for_schedule', 'clientId');
  return visible;
}

/** A schedule's hours on one local date, after the centre's holidays and the professional's exceptions. */
async function hoursReader(tx: WriteTx, staffId: string, date: string) {
  const [exceptions, holidays] = await Promise.all([readExceptions(tx, date, date, [staffId]), holidayDates(tx, date, date)]);
  return (schedule: AppointmentSchedule) =>
    hoursOn(date, {
      weekly: schedule.ranges,
      scheduleException: exceptions.find((e) => e.scheduleId === schedule.id) ?? null,
      staffException: exceptions.find((e) => e.scheduleId === null) ?? null,
      holiday: holidays.has(date),
    });
}

async function checkParties(tx: WriteTx, p: Placement) {
  await assertStaffActive(tx, p.staffId);
  return loadBookableService(tx, p.serviceId);
}

/**
 * Where and how long an appointment goes, checked against every rule inside the write transaction:
 * the professional's schedule for the service, its hours on that date, their busy times (buffers on
 * both sides), the lead time and the horizon. Without override the first broken rule refuses; with
 * it the broken rules are returned, to be recorded on the appointment.
 */
export async function place(tx: WriteTx, p: Placement, now: string) {
  const service = await checkParties(tx, p);
  const startMs = Date.parse(p.startsAt);
  const nowMs = Date.parse(now);
  const { timeZone } = await readCentreSettings(tx);
  // Hours, slots and the agenda work in whole minutes of the centre's clock (a zone's old local mean time
  // was seconds off UTC).
  if (!isWholeLocalMinute(startMs, timeZone)) throw new AppError('invalid_input', 'startsAt');
  const start = instantToLocal(new Date(startMs), timeZone);
  // Its local date must be one the agenda can show.
  if (!isDateInRange(start.date)) throw new AppError('date_out_of_range', 'startsAt');
  if (startMs < nowMs) throw new AppError('appointment_past', 'startsAt');

  const { date } = start;
  const schedules = await offeringSchedules(tx, p);
  if (schedules.length === 0 && !p.override) throw new AppError('service_not_offered', 'serviceId');
  const fits = schedules.length > 0 ? schedules.map((s) => fitOf(s, startMs, service.duration_min)) : [fitOf(null, startMs, service.duration_min)];
  if (schedules.length > 0) {
    const hoursOf = await hoursReader(tx, p.staffId, date);
    for (const fit of fits) fit.inHours = fitsHours(startMs, fit.endMs, date, hoursOf(fit.schedule!), timeZone);
  }
  const window = { fromIso: new Date(Math.min(...fits.map((f) => f.fromMs))).toISOString(), toIso: new Date(Math.max(...fits.map((f) => f.untilMs))).toISOString() };
  const except = p.exceptAppointmentId !== undefined ? { exceptAppointmentId: p.exceptAppointmentId } : {};
  const busy = (await readBusyIntervals(tx, [p.staffId], { ...window, ...except })).get(p.staffId) ?? [];
  for (const fit of fits) fit.busy = overlapsBusy(fit.fromMs, fit.untilMs, busy);

  // Of several schedules offering the service: one whose hours hold the appointment, free if one is.
  const chosen = fits.find((f) => f.inHours && !f.busy) ?? fits.find((f) => f.inHours) ?? fits[0]!;
  const { schedule } = chosen;
  const broken: OverrideRule[] = [];
  if (!schedule) broken.push('not_offered');
  else if (!chosen.inHours) broken.push('outside_hours');
  if (chosen.busy) broken.push('busy');
  if (schedule && startMs < nowMs + schedule.leadTimeMin * MINUTE_MS) broken.push('lead_time');
  if (schedule && date > addDays(localDate(new Date(nowMs), timeZone), schedule.horizonDays)) broken.push('horizon');
  const refused = broken.find((rule): rule is keyof typeof refusalOf => rule !== 'not_offered');
  if (refused && !p.override) throw new AppError(refusalOf[refused], 'startsAt');

  const end = instantToLocal(new Date(chosen.endMs), timeZone);
  return {
    staff_id: p.staffId,
    schedule_id: schedule?.id ?? null,
    starts_at: new Date(startMs).toISOString(),
    ends_at: new Date(chosen.endMs).toISOString(),
    local_date: start.date,
    local_start: start.time,
    local_end: end.time,
    buffer_before_min: schedule?.bufferBeforeMin ?? 0,
    buffer_after_min: schedule?.bufferAfterMin ?? 0,
    blocked_from: new Date(chosen.fromMs).toISOString(),
    blocked_until: new Date(chosen.untilMs).toISOString(),
    overridden: broken.length > 0 ? JSON.stringify(broken) : null,
    broken,
    /** The schedule chosen (null: none offers the service, overridden); not a column. */
    schedule,
  };
}
