import type Sqlite from 'better-sqlite3';

/** The number of rows of every table in the file (the centre's, the audit trail, the feed…): "nothing was written" is "none changed". */
export function rowCounts(sqlite: Sqlite.Database): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number(sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get());
  return counts;
}

/** The feed's last sequence number (0 when empty). */
export function lastSeq(sqlite: Sqlite.Database): number {
  return Number(sqlite.prepare('SELECT coalesce(max(seq), 0) FROM feed').pluck().get());
}

/** The feed's sequence numbers follow each other with no gap (a write rolled back leaves none). */
export function feedIsGapless(sqlite: Sqlite.Database): boolean {
  const seqs = (sqlite.prepare('SELECT seq FROM feed ORDER BY seq').pluck().all() as number[]).map(Number);
  return seqs.every((seq, i) => seq === seqs[0]! + i);
}

export function integrity(sqlite: Sqlite.Database): string {
  return (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}
