import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Busy times read from the index alone (issue 15): "any professional" reads the busy times of hundreds
 * of professionals per call, and each row fetched from the table cost more than its index entry.
 * Appointments: 0003's appointments_staff_blocked plus status, which SQLite re-checks for a `!=` partial
 * condition (the same key otherwise, so it replaces it: no extra work on a booking). Occurrences: by
 * organizer and start with the end and series (reminders are told apart by series id, see busy-times.ts).
 * Queries must repeat the partial conditions exactly.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX appointments_staff_busy ON appointments (staff_id, blocked_from, blocked_until, status) WHERE status != 'cancelled'`.execute(db);
  await sql`DROP INDEX appointments_staff_blocked`.execute(db);
  await sql`CREATE INDEX occurrences_organizer_busy ON occurrences (organizer_id, starts_at, ends_at, series_id) WHERE status = 'scheduled'`.execute(db);
}
