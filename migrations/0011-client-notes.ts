import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Notes on a client: general notes about them and notes on one visit (an appointment or a place in
 * a session: the colour formula to repeat). Each has an author (null only when a centre without
 * PINs wrote it with nobody chosen) and is private (its author alone reads it) or shared with the
 * team. A new table: older desks keep syncing. Erasing the client erases their notes (cascade).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE client_notes (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('general', 'visit')),
      appointment_id TEXT REFERENCES appointments (id) ON DELETE CASCADE,
      booking_id TEXT REFERENCES bookings (id) ON DELETE CASCADE,
      author_id TEXT REFERENCES staff (id),
      visibility TEXT NOT NULL CHECK (visibility IN ('private', 'shared')),
      body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (visibility = 'shared' OR author_id IS NOT NULL),
      CHECK (
        (kind = 'general' AND appointment_id IS NULL AND booking_id IS NULL)
        OR (kind = 'visit' AND (appointment_id IS NULL) != (booking_id IS NULL))
      )
    ) STRICT`.execute(db);
  await sql`CREATE INDEX client_notes_client ON client_notes (client_id, created_at)`.execute(db);
  await sql`CREATE INDEX client_notes_appointment ON client_notes (appointment_id) WHERE appointment_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX client_notes_booking ON client_notes (booking_id) WHERE booking_id IS NOT NULL`.execute(db);
}
