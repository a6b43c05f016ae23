import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The "Hoy" board: a person who has arrived (checked in, status attended) may then be in service and
 * done. Two nullable instants on bookings and appointments, additive so that desks on an older
 * version keep syncing: attended with neither is "arrived", with in_service_at "in service", with
 * done_at "done".
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['bookings', 'appointments']) {
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN in_service_at TEXT`).execute(db);
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN done_at TEXT`).execute(db);
  }
}
