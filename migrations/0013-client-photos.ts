import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The gallery of a client card: photos for inspiration or of a result, optionally of one visit (a
 * session booking or an appointment). The image itself is a file in the data folder
 * (photos/<client id>/<photo id>.<ext>, its thumbnail beside it): rows sync, files stay on the desk
 * that took them. clients.photo_id names the photo in the card's header; no foreign key, so that
 * clients and client_photos do not reference each other (a dangling id reads as "no photo").
 * A new table and a nullable column: additive, older desks keep syncing. Erasing the client erases
 * their photos (cascade); a deleted visit leaves the photo, unlinked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE client_photos (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('inspiration', 'result')),
      caption TEXT CHECK (caption IS NULL OR length(caption) BETWEEN 1 AND 300),
      booking_id TEXT REFERENCES bookings (id) ON DELETE SET NULL,
      appointment_id TEXT REFERENCES appointments (id) ON DELETE SET NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp')),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
      added_by TEXT REFERENCES staff (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (booking_id IS NULL OR appointment_id IS NULL)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX client_photos_client ON client_photos (client_id, created_at)`.execute(db);
  await sql`CREATE INDEX client_photos_booking ON client_photos (booking_id) WHERE booking_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX client_photos_appointment ON client_photos (appointment_id) WHERE appointment_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE clients ADD COLUMN photo_id TEXT`.execute(db);
}
