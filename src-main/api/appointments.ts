import type { AppointmentSchedule, FreeSlot, SlotOption } from '../../src-shared/domain/appointments';
import {
  appointmentsOfClient,
  insertAppointment,
  loadAppointment,
  markAppointmentCancelled,
  moveAppointment,
  sessionBookingsOfClient,
  setAppointmentAttendance,
} from '../db/queries/appointments';
import { creditOnAttendance, creditOnCancelled, creditOnMoved, spendCreditFor, usableFor } from '../db/queries/booking-credits';
import { readBusyIntervals } from '../db/queries/busy-times';
import { serviceIsActive } from '../db/queries/catalogue';
import { loadClientForBooking } from '../db/queries/clients';
import { readExceptions } from '../db/queries/exceptions';
import { holidayDates } from '../db/queries/holidays';
import { readSchedules } from '../db/queries/schedules';
import { readCentreSettings } from '../db/queries/settings';
import { assertStaffActive } from '../db/queries/staff';
import { hoursBetween } from '../engine/appointments/day-hours';
import { freeSlots } from '../engine/appointments/free-slots';
import { newId } from '../engine/ids';
import { creditOnBook } from '../engine/passes/credit-rules';
import { addDays } from '../engine/time/local-time';
import { AppError } from '../errors/app-error';
import { checkInOpen } from '../../src-shared/agenda/check-in-window';
import { checkLocalRange, localRangeToInstants } from './agenda-range';
import { place, visibleTo } from './appointment-placement';
import { clientTagIds } from '../db/queries/tags';
import { localDate } from '../engine/time/local-date';
import { assertOwnCalendar, creditContextOf } from './caller';
import type { Handlers } from './handler';

type AppointmentHandlers = Pick<
  Handlers,
  'slots.find' | 'appointments.book' | 'appointments.reschedule' | 'appointments.cancel' | 'appointments.setStatus' | 'appointments.get' | 'clients.history'
>;

/** slots.find looks at most this many days (inclusive). */
const maxSlotDays = 62;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Free slots of every schedule, merged by start: one FreeSlot per instant, one option per professional. */
function mergeSlots(perSchedule: { schedule: AppointmentSchedule; slots: ReturnType<typeof freeSlots> }[]): FreeSlot[] {
  const byStart = new Map<number, FreeSlot>();
  // Thousands of slots share a few hundred instants (one's end is often another's start): format each once.
  const isoOf = new Map<number, string>();
  const iso = (ms: number) => {
    let text = isoOf.get(ms);
    if (text === undefined) isoOf.set(ms, (text = new Date(ms).toISOString()));
    return text;
  };
  for (const { schedule, slots } of perSchedule) {
    for (const computed of slots) {
      let slot = byStart.get(computed.startMs);
      if (!slot) {
        slot = { startsAt: iso(computed.startMs), localDate: computed.localDate, localStart: computed.localStart, options: [] };
        byStart.set(computed.startMs, slot);
      }
      // Schedules come by professional's name, a professional's schedules together: options are in that
      // order, one per professional, so a repeat can only be the last option (no set per instant: 400 professionals).
      if (slot.options.at(-1)?.staffId === schedule.staffId) continue;
      const option: SlotOption = { staffId: schedule.staffId, staffName: schedule.staffName, scheduleId: schedule.id, endsAt: iso(computed.endMs) };
      slot.options.push(option);
    }
  }
  return [...byStart.keys()].sort((a, b) => a - b).map((start) => byStart.get(start)!);
}

export const appointmentHandlers: AppointmentHandlers = {
  'slots.find': async ({ serviceId, staffId, from, to, stepMin, visibleToClientId, exceptAppointmentId }, { db }) => {
    const { timeZone } = await readCentreSettings(db);
    checkLocalRange(from, to, maxSlotDays);
    const offered = await serviceIsActive(db, serviceId);
    let schedules = offered ? await readSchedules(db, { serviceId, activeStaffOnly: true, ...(staffId !== undefined ? { staffId } : {}) }) : [];
    if (staffId !== undefined && schedules.length === 0) {
      // Nothing offered: say why when the professional is unknown or inactive.
      await assertStaffActive(db, staffId);
    }
    if (visibleToClientId !== undefined) {
      const client = await loadClientForBooking(db, visibleToClientId, 'visibleToClientId');
      if (client.blacklisted === 1) return [];
      schedules = schedules.filter(visibleTo(await clientTagIds(db, visibleToClientId)));
    }
    if (schedules.length === 0) return [];

    // Nothing before today is offered, nothing after the furthest horizon: read only the days between.
    const nowMs = Date.now();
    const today = localDate(new Date(nowMs), timeZone);
    const first = from > today ? from : today;
    const lastOpen = addDays(today, Math.max(...schedules.map((s) => s.horizonDays)));
    const last = to < lastOpen ? to : lastOpen;
    if (first > last) return [];
    const bounds = localRangeToInstants(first, last, timeZone, maxSlotDays);

    const staffIds = [...new Set(schedules.map((s) => s.staffId))];
    // A handful of set-based reads for the whole request; busy times in ONE query for every professional.
    const [exceptions, holidays, busy] = await Promise.all([
      readExceptions(db, first, last, staffIds),
      holidayDates(db, first, last),
      readBusyIntervals(db, staffIds, {
        fromIso: new Date(Date.parse(bounds.fromIso) - DAY_MS).toISOString(),
        toIso: new Date(Date.parse(bounds.toIso) + DAY_MS).toISOString(),
        ...(exceptAppointmentId !== undefined ? { exceptAppointmentId } : {}),
      }),
    ]);
    const exceptionsOf = new Map<string, typeof exceptions>();
    for (const e of exceptions) {
      const ofStaff = exceptionsOf.get(e.staffId);
      if (ofStaff) ofStaff.push(e);
      else exceptionsOf.set(e.staffId, [e]);
    }
    const perSchedule = schedules.map((schedule) => {
      const days = hoursBetween(first, last, {
        scheduleId: schedule.id,
        weekly: schedule.ranges,
        exceptions: exceptionsOf.get(schedule.staffId) ?? [],
        holidays,
      });
      const slots = freeSlots({
        timeZone,
        days,
        durationMin: schedule.durationMin,
        bufferBeforeMin: schedule.bufferBeforeMin,
        bufferAfterMin: schedule.bufferAfterMin,
        stepMin: stepMin ?? schedule.durationMin,
        earliestStartMs: nowMs + schedule.leadTimeMin * MINUTE_MS,
        lastDate: addDays(today, schedule.horizonDays),
        busy: busy.get(schedule.staffId) ?? [],
      });
      return { schedule, slots };
    });
    return mergeSlots(perSchedule);
  },

  'appointments.book': async (input, context) => {
    const { tx, now, log, caller } = context;
    assertOwnCalendar(caller, input.staffId);
    const client = await loadClientForBooking(tx, input.clientId, 'clientId');
    if (client.blacklisted === 1) throw new AppError('client_blacklisted', 'clientId');
    const source = input.source ?? 'desk';
    const override = input.override ?? false;
    if (source === 'client' && override) throw new AppError('invalid_input', 'override');
    // The check and the insert share this IMMEDIATE transaction: no other desk can take the time in between.
    const { broken, schedule, ...placed } = await place(tx, { ...input, override, source }, now);
    // A plan covering the service pays it whenever one is usable; a pass only on a schedule redeemable with passes.
    const payer = { clientId: input.clientId, use: { serviceId: input.serviceId }, localDate: placed.local_date, passesAllowed: schedule?.redeemableWithPasses === true, plansApply: true };
    const payNow = source === 'client' || input.redeemPass === true;
    const usable = payer.passesAllowed && !payNow ? null : await usableFor(tx, payer);
    const credit = creditOnBook({ ...payer, usable, source, redeemPass: input.redeemPass, placed: true });
    if ('refuse' in credit) throw new AppError(credit.refuse, input.redeemPass === true ? 'redeemPass' : 'clientId');
    const id = newId();
    await insertAppointment(tx, {
      id,
      client_id: input.clientId,
      service_id: input.serviceId,
      ...placed,
      status: 'booked',
      source,
      note: input.note ?? null,
      cancel_reason: null,
      cancelled_at: null,
      checked_in_at: null,
      credit_state: credit.state,
      pay_with_pass: credit.payWithPass ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    if (credit.state === 'redeemed') await spendCreditFor(tx, { kind: 'appointment', id }, usable!.id, creditContextOf(context));
    log({
      entity: 'appointment',
      entityId: id,
      subjectClientId: input.clientId,
      changes: {
        clientId: input.clientId,
        staffId: input.staffId,
        serviceId: input.serviceId,
        startsAt: placed.starts_at,
        source,
        overridden: broken,
        creditState: credit.state,
      },
    });
    return loadAppointment(tx, id);
  },

  'appointments.reschedule': async ({ appointmentId, startsAt, staffId, override, reason }, context) => {
    const { tx, now, log, caller } = context;
    const appointment = await loadAppointment(tx, appointmentId);
    assertOwnCalendar(caller, appointment.staffId, staffId ?? appointment.staffId);
    if (appointment.status !== 'booked') throw new AppError('invalid_status_change', 'appointmentId');
    if (appointment.startsAt < now) throw new AppError('appointment_past', 'appointmentId');
    const client = await loadClientForBooking(tx, appointment.clientId, 'appointmentId');
    if (client.blacklisted === 1) throw new AppError('client_blacklisted', 'appointmentId');
    const { broken, schedule: _schedule, ...placed } = await place(
      tx,
      {
        clientId: appointment.clientId,
        staffId: staffId ?? appointment.staffId,
        serviceId: appointment.serviceId,
        startsAt,
        override: override ?? false,
        source: 'desk',
        exceptAppointmentId: appointmentId,
      },
      now,
    );
    await moveAppointment(tx, appointmentId, placed, now);
    const creditState = await creditOnMoved(tx, { kind: 'appointment', id: appointmentId }, creditContextOf(context));
    log({
      entity: 'appointment',
      entityId: appointmentId,
      subjectClientId: appointment.clientId,
      changes: {
        startsAt: placed.starts_at,
        staffId: placed.staff_id,
        wasStartsAt: appointment.startsAt,
        wasStaffId: appointment.staffId,
        overridden: broken,
        ...(reason && broken.length > 0 ? { overrideReason: reason } : {}),
        ...(creditState ? { creditState } : {}),
      },
    });
    return loadAppointment(tx, appointmentId);
  },

  'appointments.cancel': async ({ appointmentId, reason }, context) => {
    const { tx, now, log, caller } = context;
    const appointment = await loadAppointment(tx, appointmentId);
    assertOwnCalendar(caller, appointment.staffId);
    if (appointment.status !== 'booked') throw new AppError('invalid_status_change', 'appointmentId');
    await markAppointmentCancelled(tx, appointmentId, reason ?? null, now);
    const creditState = await creditOnCancelled(tx, { kind: 'appointment', id: appointmentId }, creditContextOf(context));
    log({
      entity: 'appointment',
      entityId: appointmentId,
      subjectClientId: appointment.clientId,
      changes: { status: 'cancelled', reason: reason ?? null, ...(creditState ? { creditState } : {}) },
    });
    return loadAppointment(tx, appointmentId);
  },

  'appointments.setStatus': async ({ appointmentId, status, stage }, context) => {
    const { tx, now, log, caller } = context;
    // A stage says where an attended person is: only with attended.
    if (stage !== undefined && status !== 'attended') throw new AppError('invalid_input', 'stage');
    const appointment = await loadAppointment(tx, appointmentId);
    assertOwnCalendar(caller, appointment.staffId);
    if (appointment.status === 'cancelled') throw new AppError('invalid_status_change', 'status');
    const { timeZone, checkInMinutesBefore } = await readCentreSettings(tx);
    // Check-in opens on the appointment's day, not before.
    if (status !== 'booked' && appointment.localDate > localDate(new Date(now), timeZone)) throw new AppError('invalid_status_change', 'status');
    // And only a set time before the start (the centre's setting).
    if (status === 'attended' && appointment.status !== 'attended' && !checkInOpen(appointment.startsAt, checkInMinutesBefore, Date.parse(now))) {
      throw new AppError('check_in_too_early', 'status', { limit: checkInMinutesBefore });
    }
    await setAppointmentAttendance(tx, appointmentId, status, now, stage);
    const creditState = await creditOnAttendance(tx, { kind: 'appointment', id: appointmentId }, appointment.status, status, creditContextOf(context));
    log({
      entity: 'appointment',
      entityId: appointmentId,
      subjectClientId: appointment.clientId,
      changes: { status, ...(stage ? { stage } : {}), ...(creditState ? { creditState } : {}) },
    });
    return loadAppointment(tx, appointmentId);
  },

  'appointments.get': async ({ appointmentId }, { db }) => loadAppointment(db, appointmentId),

  'clients.history': async ({ clientId }, { db }) => {
    await loadClientForBooking(db, clientId, 'clientId');
    const [appointments, bookings] = await Promise.all([appointmentsOfClient(db, clientId), sessionBookingsOfClient(db, clientId)]);
    return { appointments, bookings };
  },
};
