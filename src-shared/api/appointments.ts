import { z } from 'zod';
import type { Appointment, ClientHistory, FreeSlot } from '../domain/appointments';
import { attendanceStages } from '../domain/today';
import { command, query, returns } from './define-call';
import { id, instant, isoDate, optionalText } from './fields';
import { calendarWork, everyone } from './access';

export { instant };

export const slotSteps = [5, 10, 15, 30] as const;

export const slotsInput = z.strictObject({
  serviceId: id,
  /** One professional; absent: any professional with a schedule for the service. */
  staffId: id.optional(),
  /** Local dates of the centre, inclusive; at most 62 days. */
  from: isoDate,
  to: isoDate,
  /** Minutes between offered starts; absent: the appointment's duration. */
  stepMin: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(30)]).optional(),
  /** Only schedules this client may see (the client books themselves). */
  visibleToClientId: id.optional(),
  /** The appointment being rescheduled: its own time counts as free. */
  exceptAppointmentId: id.optional(),
  /**
   * Only this start, with every professional free at it. Without it a start of "any professional" names
   * the first few (by name) and counts the others in `moreOptions`.
   */
  at: instant.optional(),
});
export type SlotsInput = z.input<typeof slotsInput>;

export const appointmentsApi = {
  'slots.find': query(
    slotsInput,
    'Free appointment slots for a service, for one professional or any, in a date range (local time, DST-correct)',
    returns<FreeSlot[]>(),
    everyone,
  ),
  'appointments.book': command(
    z.strictObject({
      clientId: id,
      staffId: id,
      serviceId: id,
      startsAt: instant,
      /** Staff only: book outside the hours, over a busy time, inside the lead time or beyond the horizon (recorded). */
      override: z.boolean().optional(),
      /** 'client' when the client books themselves: the schedule's visibility applies and no override. */
      source: z.enum(['desk', 'client']).optional(),
      /** Pay with a plan unit or pass credit now (always when the client books a redeemable schedule); else it stays pending. */
      redeemPass: z.boolean().optional(),
      note: optionalText(500),
    }),
    'Book a one-to-one appointment in a free slot; re-checked in the same transaction',
    returns<Appointment>(),
    calendarWork,
  ),
  'appointments.reschedule': command(
    z.strictObject({
      appointmentId: id,
      startsAt: instant,
      staffId: id.optional(),
      override: z.boolean().optional(),
      /** Why the desk moves it over the rules (with override): recorded in the audit log. */
      reason: optionalText(300),
    }),
    'Move an appointment to another free time (or professional)',
    returns<Appointment>(),
    calendarWork,
  ),
  'appointments.cancel': command(
    z.strictObject({ appointmentId: id, reason: optionalText(300) }),
    'Cancel an appointment, with a reason: its time becomes free again',
    returns<Appointment>(),
    calendarWork,
  ),
  'appointments.setStatus': command(
    z.strictObject({ appointmentId: id, status: z.enum(['attended', 'no_show', 'booked']), stage: z.enum(attendanceStages).optional() }),
    'Check a client in (attended: arrived, then in service, then done), mark a no-show, or undo it',
    returns<Appointment>(),
    calendarWork,
  ),
  'appointments.get': query(z.strictObject({ appointmentId: id }), 'One appointment', returns<Appointment>(), everyone),
  'clients.history': query(
    z.strictObject({ clientId: id }),
    "A client's appointments and session bookings, newest first",
    returns<ClientHistory>(),
    everyone,
  ),
};
