import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The agenda's month view bounded per day (issue 15): the first entries of each local day in time
 * order, and a capped count of the rest, each read as one short range of an index (no scan of the
 * month, no sort). Partial on what the agenda shows (appointments still holding their time, scheduled
 * occurrences); the trailing columns let the staff, kind and recurrence filters be checked on the
 * index entry (staff) or with one lookup of the series (kind, recurrence) instead of the row.
 * status ends the appointments' key: SQLite re-checks a `!=` partial condition, and then finds
 * it on the index entry (the counts read no row).
 * Queries must repeat the partial conditions exactly (see src-main/db/queries/agenda-month.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX appointments_day_start ON appointments (local_date, starts_at, staff_id, status) WHERE status != 'cancelled'`.execute(db);
  await sql`CREATE INDEX occurrences_day_start ON occurrences (local_date, starts_at, organizer_id, series_id) WHERE status = 'scheduled'`.execute(db);
}
