/**
 * One desk of the concurrency test, in its own OS process: books, cancels and completes bookings
 * at random on the shared database file, then reports what it got to the parent.
 */
import { runDesk } from '../helpers/spawn-workers';

export interface WorkerInput {
  occurrenceIds: string[];
  clientIds: string[];
}

export interface WorkerReport {
  /** Ids of the bookings this worker created. */
  created: string[];
  /** Ids it cancelled or completed successfully. */
  cancelled: string[];
  completed: string[];
  /** Refusals by code (expected ones: already_booked, no_free_place, not_waitlisted, invalid_status_change). */
  refusals: Record<string, number>;
}

runDesk<WorkerInput, WorkerReport>(async ({ host, ops, input, random, pick }) => {
  const { occurrenceIds, clientIds } = input;
  const report: WorkerReport = { created: [], cancelled: [], completed: [], refusals: {} };
  const refused = (code: string) => (report.refusals[code] = (report.refusals[code] ?? 0) + 1);
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
  return report;
});
