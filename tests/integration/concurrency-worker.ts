/**
 * One desk of the concurrency test, in its own OS process: opens the shared database file and books,
 * cancels and completes bookings at random, then reports what it got to the parent.
 * Args: dbPath, seed, ops, occurrence ids (comma-separated), client ids (comma-separated).
 */
import { openApi } from '../../src-main/api/open-api';

export interface WorkerReport {
  /** Ids of the bookings this worker created. */
  created: string[];
  /** Ids it cancelled or completed successfully. */
  cancelled: string[];
  completed: string[];
  /** Refusals by code (expected ones: already_booked, no_free_place, not_waitlisted, invalid_status_change). */
  refusals: Record<string, number>;
}

const [dbPath = '', seedText = '1', opsText = '50', occurrenceList = '', clientList = ''] = process.argv.slice(2);
const occurrenceIds = occurrenceList.split(',');
const clientIds = clientList.split(',');

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

async function main() {
  const host = await openApi(dbPath);
  const report: WorkerReport = { created: [], cancelled: [], completed: [], refusals: {} };
  const refused = (code: string) => (report.refusals[code] = (report.refusals[code] ?? 0) + 1);
  // Tell the parent the file is open, and wait for its go, so that every desk starts at once.
  const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.send!('ready');
  await go;
  const ops = Number(opsText);
  for (let i = 0; i < ops; i++) {
    const roll = random();
    const occurrenceId = pick(occurrenceIds);
    if (roll < 0.6) {
      const result = await host.invoke('sessions.book', { occurrenceId, clientId: pick(clientIds), overPlaces: random() < 0.05 });
      if (result.ok) report.created.push(result.value.id);
      else refused(result.error.code);
    } else if (roll < 0.8) {
      const live = host.database.sqlite
        .prepare("SELECT id FROM bookings WHERE occurrence_id = ? AND status IN ('booked', 'waitlisted')")
        .pluck()
        .all(occurrenceId) as string[];
      if (live.length === 0) continue;
      const result = await host.invoke('sessions.cancelBooking', { bookingId: pick(live) });
      if (result.ok) report.cancelled.push(result.value.booking.id);
      else refused(result.error.code);
    } else {
      const waiting = host.database.sqlite
        .prepare("SELECT id FROM bookings WHERE occurrence_id = ? AND status = 'waitlisted'")
        .pluck()
        .all(occurrenceId) as string[];
      if (waiting.length === 0) continue;
      const result = await host.invoke('sessions.completeBooking', { bookingId: pick(waiting) });
      if (result.ok) report.completed.push(result.value.id);
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
