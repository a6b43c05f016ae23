import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Birthdays from an index (issue 15): clients by month-day ("MM-DD" of birth_date), then by name, so
 * the agenda reads one short index range per day shown instead of scanning every client.
 * An expression index rather than a stored column: SQLite keeps it on every write to clients (the API,
 * CSV import, sync apply), and the table, its feed triggers and the synced schema stay as they are.
 * Queries must repeat the expression and the partial condition exactly (see clientsBornOn).
 * It replaces 0002's clients_birthday (the same key without the name): a prefix of this one, so only extra work on every write.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX clients_birth_month_day ON clients (substr(birth_date, 6), sort_name) WHERE birth_date IS NOT NULL`.execute(db);
  await sql`DROP INDEX clients_birthday`.execute(db);
}
