import type BetterSqlite3 from 'better-sqlite3';
import { preparedOn } from '../prepared';

/**
 * Names the feed entries one write transaction made, when it made more than one: the server
 * accepts or refuses what one click did as a whole (a booking with the credit it spent).
 */
export function recordFeedGroup(sqlite: BetterSqlite3.Database, firstSeq: number, lastSeq: number): void {
  if (lastSeq > firstSeq) preparedOn(sqlite, 'INSERT INTO feed_groups (last_seq, first_seq) VALUES (?, ?)').run(lastSeq, firstSeq);
}
