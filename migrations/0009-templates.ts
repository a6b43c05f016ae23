import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Message templates (WhatsApp / text) per kind and language, edited in Ajustes › Mensajes; a kind
 * and language with no row uses the built-in default. The id is `kind:language`, so two desks
 * editing the same template edit the same row. Waitlist offers: when the desk offered a freed place
 * to a waitlisted client (nullable, additive so older desks keep syncing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE message_templates (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('reminder', 'place_freed', 'booking_confirmed', 'booking_cancelled')),
      language TEXT NOT NULL CHECK (language IN ('es', 'en')),
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`ALTER TABLE bookings ADD COLUMN offered_at TEXT`.execute(db);
}
