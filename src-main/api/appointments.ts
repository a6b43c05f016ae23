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
import { loadClientForBooking } from '../db/queries/clients';
import { readCentreSettings } from '../db/queries/settings';
import { newId } from '../engine/ids';
import { creditOnBook } from '../engine/passes/credit-rules';
import { AppError } from '../errors/app-error';
import { checkInOpen } from '../../src-shared/agenda/check-in-window';
import { place } from './appointment-placement';
import { localDate } from '../engine/time/local-date';
import { assertOwnCalendar, creditContextOf } from './caller';
import type { Handlers } from './handler';
import { findSlots } from './slots-find';

type AppointmentHandlers = Pick<
  Handlers,
  'slots.find' | 'appointments.book' | 'appointments.reschedule' | 'appointments.cancel' | 'appointments.setStatus' | 'appointments.get' | 'clients.history'
>;

export const appointmentHandlers: AppointmentHandlers = {
  'slots.find': findSlots,

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
