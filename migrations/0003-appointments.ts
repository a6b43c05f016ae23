import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Appointment schedules per professional, their date exceptions, centre holidays and one-to-one appointments. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE appointment_schedules (
      id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      name TEXT NOT NULL,
      duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
      buffer_before_min INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_min BETWEEN 0 AND 240),
      buffer_after_min INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_min BETWEEN 0 AND 240),
      lead_time_min INTEGER NOT NULL DEFAULT 0 CHECK (lead_time_min >= 0),
      horizon_days INTEGER NOT NULL CHECK (horizon_days BETWEEN 1 AND 730),
      visibility TEXT NOT NULL CHECK (visibility IN ('all', 'tags')),
      tag_match TEXT NOT NULL CHECK (tag_match IN ('all', 'any')),
      redeemable_with_passes INTEGER NOT NULL DEFAULT 0 CHECK (redeemable_with_passes IN (0, 1)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX appointment_schedules_staff ON appointment_schedules (staff_id)`.execute(db);

  await sql`
    CREATE TABLE schedule_services (
      schedule_id TEXT NOT NULL REFERENCES appointment_schedules (id) ON DELETE CASCADE,
      service_id TEXT NOT NULL REFERENCES services (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (schedule_id, service_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX schedule_services_service ON schedule_services (service_id)`.execute(db);

  await sql`
    CREATE TABLE schedule_tags (
      schedule_id TEXT NOT NULL REFERENCES appointment_schedules (id) ON DELETE CASCADE,
      tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (schedule_id, tag_id)
    ) STRICT, WITHOUT ROWID`.execute(db);

  // Weekly ranges in the centre's local wall-clock time; '24:00' ends a range at midnight.
  await sql`
    CREATE TABLE schedule_ranges (
      id TEXT PRIMARY KEY,
      schedule_id TEXT NOT NULL REFERENCES appointment_schedules (id) ON DELETE CASCADE,
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      start_time TEXT NOT NULL,
      end_time TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (start_time < end_time)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX schedule_ranges_schedule ON schedule_ranges (schedule_id, weekday, start_time)`.execute(db);

  // A day off or different hours on one date, for one schedule or (schedule_id NULL) all of a professional's.
  await sql`
    CREATE TABLE schedule_exceptions (
      id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      schedule_id TEXT REFERENCES appointment_schedules (id) ON DELETE CASCADE,
      date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('day_off', 'hours')),
      ranges TEXT NOT NULL DEFAULT '[]',
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX schedule_exceptions_one ON schedule_exceptions (staff_id, coalesce(schedule_id, ''), date)`.execute(db);
  await sql`CREATE INDEX schedule_exceptions_date ON schedule_exceptions (date)`.execute(db);

  await sql`
    CREATE TABLE centre_holidays (
      date TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID`.execute(db);

  // An appointment keeps the facts it was booked with (length, buffers): editing or deleting the
  // schedule later changes no booked time. blocked_from/blocked_until are its time with buffers.
  await sql`
    CREATE TABLE appointments (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      service_id TEXT NOT NULL REFERENCES services (id),
      schedule_id TEXT REFERENCES appointment_schedules (id) ON DELETE SET NULL,
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      local_date TEXT NOT NULL,
      local_start TEXT NOT NULL,
      local_end TEXT NOT NULL,
      buffer_before_min INTEGER NOT NULL CHECK (buffer_before_min >= 0),
      buffer_after_min INTEGER NOT NULL CHECK (buffer_after_min >= 0),
      blocked_from TEXT NOT NULL,
      blocked_until TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('booked', 'attended', 'no_show', 'cancelled')),
      overridden TEXT,
      source TEXT NOT NULL CHECK (source IN ('desk', 'client')),
      note TEXT,
      cancel_reason TEXT,
      cancelled_at TEXT,
      checked_in_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (starts_at < ends_at),
      CHECK (blocked_from <= starts_at AND ends_at <= blocked_until)
    ) STRICT`.execute(db);
  // Conflicts are found by professional and blocked time, among the appointments that still hold it;
  // blocked_until in the index answers the free-slot reads without touching the table.
  await sql`CREATE INDEX appointments_staff_blocked ON appointments (staff_id, blocked_from, blocked_until) WHERE status != 'cancelled'`.execute(db);
  // The agenda and its figures count by start, status and professional from the index alone.
  await sql`CREATE INDEX appointments_starts ON appointments (starts_at, status, staff_id)`.execute(db);
  await sql`CREATE INDEX appointments_client ON appointments (client_id, starts_at)`.execute(db);
  await sql`CREATE INDEX appointments_local_date ON appointments (local_date)`.execute(db);
}
