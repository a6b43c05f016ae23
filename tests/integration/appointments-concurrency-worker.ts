/**
 * One desk of the appointments concurrency test, in its own OS process: opens the shared database
 * file and books, reschedules and cancels appointments at random (some with the staff override),
 * then reports what it got to the parent.
 * Args: dbPath, seed, ops, staff ids, client ids, local dates (comma-separated), service id.
 */
import { openApi } from '../../src-main/api/open-api';
import { localToInstant } from '../../src-main/engine/time/local-time';

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

const [dbPath = '', seedText = '1', opsText = '50', staffList = '', clientList = '', dateList = '', serviceId = ''] = process.argv.slice(2);
const staffIds = staffList.split(',');
const clientIds = clientList.split(',');
const dates = dateList.split(',');

let state = Number(seedText) * 2654435761;
function random(): number {
  // mulberry32
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A start on a 15-minute grid between 09:00 and 13:45 (the hours are 09:00–14:00). */
function randomStart(): string {
  const minutes = 9 * 60 + 15 * Math.floor(random() * 20);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return localToInstant(pick(dates), time, 'Europe/Madrid').toISOString();
}

async function main() {
  const host = await openApi(dbPath);
  const report: AppointmentWorkerReport = { created: [], cancelled: [], rescheduled: 0, overridden: 0, refusals: {} };
  const refused = (code: string) => (report.refusals[code] = (report.refusals[code] ?? 0) + 1);
  const liveAppointments = () => host.database.sqlite.prepare("SELECT id FROM appointments WHERE status = 'booked'").pluck().all() as string[];
  // Tell the parent the file is open, and wait for its go, so that every desk starts at once.
  const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.send!('ready');
  await go;
  const ops = Number(opsText);
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
      const move = { appointmentId: pick(live), startsAt: randomStart(), override, ...(random() < 0.3 ? { staffId: pick(staffIds) } : {}) };
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
  await host.database.close();
  process.send!(report);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
