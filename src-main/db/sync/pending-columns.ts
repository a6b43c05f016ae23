import type BetterSqlite3 from 'better-sqlite3';

/** Every column of the row: this desk deleted it, or made it, and has not uploaded that yet. */
export const wholeRow = '*';

/**
 * What this desk changed and has not yet had settled by the server, by row ("tbl row_id") and column.
 * A pulled change never overwrites these: the desk's own value is uploaded next and, coming later
 * in the server's order, wins there too — so both ends agree.
 */
export function pendingColumns(sqlite: BetterSqlite3.Database, pushedThrough: number): Map<string, Set<string>> {
  const pending = new Map<string, Set<string>>();
  const entries = sqlite.prepare('SELECT tbl, row_id, op, data FROM feed WHERE seq > ? ORDER BY seq').all(pushedThrough) as {
    tbl: string;
    row_id: string;
    op: string;
    data: string | null;
  }[];
  for (const entry of entries) {
    const key = rowKey(entry.tbl, entry.row_id);
    let columns = pending.get(key);
    if (!columns) pending.set(key, (columns = new Set()));
    if (entry.op === 'delete' || entry.op === 'erase' || entry.data === null) columns.add(wholeRow);
    else for (const column of Object.keys(JSON.parse(entry.data) as object)) columns.add(column);
  }
  return pending;
}

export function rowKey(table: string, rowId: string): string {
  return `${table} ${rowId}`;
}
