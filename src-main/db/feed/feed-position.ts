import type BetterSqlite3 from 'better-sqlite3';
import { preparedOn } from '../prepared';
import { withDerivedTables } from './table-kinds';

/** The last sequence number written to this desk's feed (0 before any). */
export function lastFeedSeq(sqlite: BetterSqlite3.Database): number {
  return Number(preparedOn(sqlite, 'SELECT coalesce(max(seq), 0) FROM feed').pluck().get());
}

/** The centre's tables changed after `seq` (with those whose counts or balances moved), and the feed's last sequence number now. */
export function tablesChangedSince(sqlite: BetterSqlite3.Database, seq: number): { tables: string[]; seq: number } {
  const rows = preparedOn(sqlite, 'SELECT tbl, max(seq) AS last FROM feed WHERE seq > ? GROUP BY tbl').all(seq) as { tbl: string; last: number }[];
  return { tables: withDerivedTables(rows.map((r) => r.tbl)), seq: rows.reduce((max, r) => Math.max(max, r.last), seq) };
}
