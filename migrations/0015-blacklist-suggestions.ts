import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Blacklist suggestions (issue 13): the centre's thresholds, one row like credit_policy (absent: the
 * defaults, 3 no-shows or 3 late cancellations in 6 months), and per client the dismissal of a
 * suggestion, up to the latest incident it showed, so the same evidence does not come back.
 * New tables only: older desks keep syncing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE blacklist_rules (
      id TEXT PRIMARY KEY CHECK (id = 'centre'),
      -- 0 turns a rule off.
      no_show_count INTEGER NOT NULL CHECK (no_show_count BETWEEN 0 AND 100),
      no_show_months INTEGER NOT NULL CHECK (no_show_months BETWEEN 1 AND 60),
      late_cancel_count INTEGER NOT NULL CHECK (late_cancel_count BETWEEN 0 AND 100),
      late_cancel_months INTEGER NOT NULL CHECK (late_cancel_months BETWEEN 1 AND 60),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE blacklist_dismissals (
      client_id TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
      -- The start of the latest incident the dismissed suggestion showed: only later ones suggest again.
      dismissed_through TEXT NOT NULL,
      dismissed_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
