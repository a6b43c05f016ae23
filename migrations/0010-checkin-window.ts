import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * How long before a session or an appointment starts the desk may check a client in (minutes; the
 * default 60). Additive, with a default, so older desks keep syncing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE centre_settings ADD COLUMN check_in_before_min INTEGER NOT NULL DEFAULT 60 CHECK (check_in_before_min BETWEEN 0 AND 1440)`.execute(db);
}
