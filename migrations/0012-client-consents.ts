import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Consent per purpose (appointment messages, promotions), append-only: every grant and every
 * withdrawal is a row with how it was given and who recorded it; the current state is the latest
 * row. The client's rows go with the client (ON DELETE CASCADE), so an erasure leaves none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE client_consents (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      purpose TEXT NOT NULL CHECK (purpose IN ('appointment_messages', 'promotions')),
      granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
      method TEXT NOT NULL CHECK (method IN ('in_person', 'paper', 'whatsapp', 'email', 'phone', 'online_form')),
      note TEXT,
      staff_id TEXT REFERENCES staff (id),
      recorded_at TEXT NOT NULL
    ) STRICT`.execute(db);
  // The latest row per client and purpose: the card, the Hoy board and the session panel read it.
  await sql`CREATE INDEX client_consents_latest ON client_consents (client_id, purpose, recorded_at, id)`.execute(db);
  await sql`CREATE TRIGGER client_consents_no_update BEFORE UPDATE ON client_consents BEGIN SELECT RAISE(ABORT, 'client_consents is append-only'); END`.execute(db);
}
