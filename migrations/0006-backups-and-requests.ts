import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Idempotent writes and this installation's own settings (where its second backup copy goes, where
 * it looks for updates). Both are local to the desk: never in the feed, never synced.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The first answer of every write sent with a requestId: the same id again answers this and
  // writes nothing. Kept for a retention window (pruned at start-up).
  await sql`
    CREATE TABLE request_results (
      request_id TEXT PRIMARY KEY,
      call TEXT NOT NULL,
      input_hash TEXT NOT NULL,
      answer TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX request_results_at ON request_results (at)`.execute(db);

  // A second folder for backups (a USB stick, a network share), as this machine sees it.
  await sql`ALTER TABLE desk_identity ADD COLUMN backup_folder TEXT`.execute(db);
  // The generic update feed (https only) and its channel, as this machine is configured.
  await sql`ALTER TABLE desk_identity ADD COLUMN update_url TEXT`.execute(db);
  await sql`ALTER TABLE desk_identity ADD COLUMN update_channel TEXT NOT NULL DEFAULT 'latest' CHECK (update_channel IN ('latest', 'beta'))`.execute(db);
}
