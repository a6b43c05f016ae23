import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Client search with prefix indexes for words of 1 to 10 letters (issue 15; 0001 had 1 to 6).
 * A word typed past the longest prefix index ("intermedio", "rodriguez") is answered by FTS5 merging,
 * on every query, the lists of every indexed word that starts with it, so its cost grew with the centre
 * (20 ms at 1,000,000 clients for a value a third of them share); a prefix index of that length is read
 * like one word, newest first, and stops at the search's bound. Ten covers names and the values a desk
 * types; a longer word still matches, as before, by merging.
 * FTS5 cannot change a table's prefixes, so the index is rebuilt from its own stored words (the same rowids,
 * so clients.search_rowid still points at each client's row) and merged into one segment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE VIRTUAL TABLE client_search_rebuilt USING fts5 (
      words,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3 4 5 6 7 8 9 10'
    )`.execute(db);
  await sql`INSERT INTO client_search_rebuilt (client_search_rebuilt, rank) VALUES ('secure-delete', 1)`.execute(db);
  await sql`INSERT INTO client_search_rebuilt (rowid, words) SELECT rowid, words FROM client_search ORDER BY rowid`.execute(db);
  await sql`INSERT INTO client_search_rebuilt (client_search_rebuilt) VALUES ('optimize')`.execute(db);
  await sql`DROP TABLE client_search`.execute(db);
  await sql`ALTER TABLE client_search_rebuilt RENAME TO client_search`.execute(db);
}
