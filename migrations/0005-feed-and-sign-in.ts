import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The change feed and this desk's identity; staff sign-in (PIN hashes, lock-outs, the manager
 * role, the idle lock); who approved an audited action. From here on, migrations of the centre's
 * tables are additive: older desks sync with newer ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Which installation this is: created once, never synced, so two desks never share an id.
  await sql`
    CREATE TABLE desk_identity (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`INSERT INTO desk_identity (id, name, created_at) VALUES (lower(hex(randomblob(16))), '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`.execute(db);

  // Every row change of the centre's tables, in order, written by triggers generated from the
  // schema (src-main/db/feed). seq never repeats (AUTOINCREMENT) and never skips (a rolled-back
  // transaction takes its numbers with it). subject_client_id lets an erasure find what to redact.
  await sql`
    CREATE TABLE feed (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      desk_id TEXT NOT NULL,
      at TEXT NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'erase')),
      data TEXT,
      subject_client_id TEXT,
      redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX feed_subject ON feed (subject_client_id) WHERE subject_client_id IS NOT NULL`.execute(db);
  // A row here pauses the feed's triggers while changes that came from elsewhere are applied.
  await sql`CREATE TABLE feed_paused (reason TEXT PRIMARY KEY) STRICT`.execute(db);

  // Wrong PINs per person on this desk: five lock that person out for a minute.
  await sql`
    CREATE TABLE pin_attempts (
      staff_id TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      locked_until TEXT,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // Roles gain 'manager'; a PIN is kept only as a slow salted hash (it travels with the staff row).
  await sql`
    CREATE TABLE staff_next (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      colour TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'reception', 'professional')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      pin_hash TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    INSERT INTO staff_next (id, name, name_key, colour, role, active, pin_hash, created_at, updated_at)
    SELECT id, name, name_key, colour, role, active, NULL, created_at, updated_at FROM staff`.execute(db);
  await sql`DROP TABLE staff`.execute(db);
  await sql`ALTER TABLE staff_next RENAME TO staff`.execute(db);

  // Who is working at the desk is now the host's signed-in session, not a shared row.
  await sql`DROP TABLE desk_state`.execute(db);

  // The audit trail names the desk, and the manager whose PIN approved an action on the spot.
  await sql`ALTER TABLE change_log ADD COLUMN desk_id TEXT`.execute(db);
  await sql`ALTER TABLE change_log ADD COLUMN approved_by TEXT`.execute(db);

  // Minutes without use before the desk locks (0: never); matters only once PINs are set.
  await sql`ALTER TABLE centre_settings ADD COLUMN lock_after_min INTEGER NOT NULL DEFAULT 10 CHECK (lock_after_min BETWEEN 0 AND 240)`.execute(
    db,
  );
}
