import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Staff, the catalogue, agenda series with their materialised occurrences, bookings and desk notifications. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      colour TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'professional', 'reception')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // What this desk is: who is working at it ("my calendar"). Local to the machine, never synced.
  await sql`
    CREATE TABLE desk_state (
      key TEXT PRIMARY KEY,
      value TEXT,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE session_types (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      colour TEXT NOT NULL,
      default_duration_min INTEGER NOT NULL CHECK (default_duration_min BETWEEN 1 AND 1440),
      default_places INTEGER CHECK (default_places >= 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE services (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // A series is what the desk set up (one-off or weekly); its occurrences are materialised rows.
  await sql`
    CREATE TABLE series (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('session', 'meeting', 'private', 'reminder')),
      title TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('in_person', 'online')),
      online_link TEXT,
      organizer_id TEXT NOT NULL REFERENCES staff (id),
      session_type_id TEXT REFERENCES session_types (id),
      description TEXT,
      cover_image TEXT,
      start_date TEXT NOT NULL,
      start_time TEXT NOT NULL,
      duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
      time_zone TEXT NOT NULL,
      rrule TEXT,
      places INTEGER CHECK (places >= 0),
      attendance_mode TEXT NOT NULL CHECK (attendance_mode IN ('booking', 'tags', 'open')),
      tag_match TEXT NOT NULL CHECK (tag_match IN ('all', 'any')),
      redeemable_with_passes INTEGER NOT NULL DEFAULT 0 CHECK (redeemable_with_passes IN (0, 1)),
      materialised_until TEXT NOT NULL,
      cancelled_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX series_open_ended ON series (materialised_until) WHERE cancelled_at IS NULL AND rrule IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE series_tags (
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (series_id, tag_id)
    ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`
    CREATE TABLE occurrences (
      id TEXT PRIMARY KEY,
      series_id TEXT NOT NULL REFERENCES series (id),
      -- The date the series' rule gave it; local_date differs once the occurrence alone was moved.
      series_date TEXT NOT NULL,
      local_date TEXT NOT NULL,
      local_start TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      title TEXT NOT NULL,
      organizer_id TEXT NOT NULL REFERENCES staff (id),
      places INTEGER CHECK (places >= 0),
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
      edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
      held_count INTEGER NOT NULL DEFAULT 0,
      waitlist_count INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX occurrences_starts ON occurrences (starts_at)`.execute(db);
  await sql`CREATE INDEX occurrences_series ON occurrences (series_id, series_date)`.execute(db);
  await sql`CREATE INDEX occurrences_organizer ON occurrences (organizer_id, starts_at)`.execute(db);

  await sql`
    CREATE TABLE bookings (
      id TEXT PRIMARY KEY,
      occurrence_id TEXT NOT NULL REFERENCES occurrences (id),
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('booked', 'waitlisted', 'attended', 'no_show', 'cancelled')),
      waitlist_position INTEGER CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL)),
      over_places INTEGER NOT NULL DEFAULT 0 CHECK (over_places IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('desk', 'client')),
      booked_by TEXT,
      cancelled_at TEXT,
      checked_in_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX bookings_occurrence ON bookings (occurrence_id, status)`.execute(db);
  await sql`CREATE INDEX bookings_client ON bookings (client_id)`.execute(db);
  // One live booking per client and occurrence; a cancelled one may be followed by a new one.
  await sql`CREATE UNIQUE INDEX bookings_live ON bookings (occurrence_id, client_id) WHERE status != 'cancelled'`.execute(db);
  await sql`CREATE UNIQUE INDEX bookings_waitlist ON bookings (occurrence_id, waitlist_position) WHERE status = 'waitlisted'`.execute(db);

  // held_count (booked, attended, no-show) and waitlist_count follow the bookings in the same
  // transaction, whoever writes them (cascades included): the agenda reads them without counting.
  const held = (row: string) => `(${row}.status IN ('booked', 'attended', 'no_show'))`;
  const waiting = (row: string) => `(${row}.status = 'waitlisted')`;
  await sql
    .raw(
      `CREATE TRIGGER bookings_count_insert AFTER INSERT ON bookings BEGIN
        UPDATE occurrences SET held_count = held_count + ${held('new')}, waitlist_count = waitlist_count + ${waiting('new')}
        WHERE id = new.occurrence_id;
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER bookings_count_delete AFTER DELETE ON bookings BEGIN
        UPDATE occurrences SET held_count = held_count - ${held('old')}, waitlist_count = waitlist_count - ${waiting('old')}
        WHERE id = old.occurrence_id;
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER bookings_count_update AFTER UPDATE OF status, occurrence_id ON bookings BEGIN
        UPDATE occurrences SET held_count = held_count - ${held('old')}, waitlist_count = waitlist_count - ${waiting('old')}
        WHERE id = old.occurrence_id;
        UPDATE occurrences SET held_count = held_count + ${held('new')}, waitlist_count = waitlist_count + ${waiting('new')}
        WHERE id = new.occurrence_id;
      END`,
    )
    .execute(db);

  await sql`
    CREATE TABLE desk_notifications (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('place_freed')),
      occurrence_id TEXT NOT NULL REFERENCES occurrences (id),
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
      resolved_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX desk_notifications_open ON desk_notifications (created_at) WHERE resolved_at IS NULL`.execute(db);
  await sql`CREATE INDEX desk_notifications_booking ON desk_notifications (booking_id)`.execute(db);

  // Birthdays on the agenda come from clients' birth dates, found by month-day.
  await sql`CREATE INDEX clients_birthday ON clients (substr(birth_date, 6)) WHERE birth_date IS NOT NULL`.execute(db);
}
