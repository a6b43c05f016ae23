/**
 * One desk of the appointments concurrency test, in its own OS process: books, reschedules and
 * cancels appointments at random (some with the staff override) on the shared database file, then
 * reports what it got to the parent.
 */
import type { CallInput } from '../../src-shared/api/contract';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { runDesk } from '../helpers/spawn-workers';

export interface AppointmentWorkerInput {
  staffIds: string[];
  clientIds: string[];
  /** Local dates of Europe/Madrid. */
  dates: string[];
  serviceId: string;
}

export interface AppointmentWorkerReport {
  /** Ids of the appointments this worker booked. */
  created: string[];
  /** Ids it cancelled successfully. */
  cancelled: string[];
  rescheduled: number;
  overridden: number;
  /** Refusals by code. */
  refusals: Record<string, number>;
}

runDesk<AppointmentWorkerInput, AppointmentWorkerReport>(async ({ host, ops, input, random, pick }) => {
  const { staffIds, clientIds, dates, serviceId } = input;
  /** A start on a 15-minute grid between 09:00 and 13:45 (the hours are 09:00–14:00). */
  const randomStart = () => {
    const minutes = 9 * 60 + 15 * Math.floor(random() * 20);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return localToInstant(pick(dates), time, 'Europe/Madrid').toISOString();
  };
  const report: AppointmentWorkerReport = { created: [], cancelled: [], rescheduled: 0, overridden: 0, refusals: {} };
  const refused = (code: string) => (report.refusals[code] = (report.refusals[code] ?? 0) + 1);
  const liveAppointments = () => host.database.sqlite.prepare("SELECT id FROM appointments WHERE status = 'booked'").pluck().all() as string[];
  for (let i = 0; i < ops; i++) {
    const roll = random();
    const override = random() < 0.1;
    if (roll < 0.6) {
      const result = await host.invoke('appointments.book', { clientId: pick(clientIds), staffId: pick(staffIds), serviceId, startsAt: randomStart(), override });
      if (result.ok) {
        report.created.push(result.value.id);
        if (result.value.overridden.length > 0) report.overridden++;
      } else refused(result.error.code);
    } else if (roll < 0.8) {
      const live = liveAppointments();
      if (live.length === 0) continue;
      const move: CallInput<'appointments.reschedule'> = { appointmentId: pick(live), startsAt: randomStart(), override, ...(random() < 0.3 ? { staffId: pick(staffIds) } : {}) };
      const result = await host.invoke('appointments.reschedule', move);
      if (result.ok) {
        report.rescheduled++;
        if (result.value.overridden.length > 0) report.overridden++;
      } else refused(result.error.code);
    } else {
      const live = liveAppointments();
      if (live.length === 0) continue;
      const result = await host.invoke('appointments.cancel', { appointmentId: pick(live), reason: 'Prueba' });
      if (result.ok) report.cancelled.push(result.value.id);
      else refused(result.error.code);
    }
  }
  return report;
});
