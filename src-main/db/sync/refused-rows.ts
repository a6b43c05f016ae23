import type BetterSqlite3 from 'better-sqlite3';
import type { TableShape } from '../feed/table-shapes';

const quote = (name: string) => `"${name}"`;
const uniqueFailure = /^UNIQUE constraint failed: (.+)$/;

/**
 * The rows of this desk that a pulled row cannot take the unique value of because the server
 * refused them (a tag, a service or a booking this desk made offline that another desk made first):
 * the winner's row comes before the server's undo of ours in the server's order, maybe pages
 * before it. Only rows a refused group of this desk inserted are named, so they are exactly those
 * the undo deletes; anything else holding the value is a real clash and stays.
 */
export function refusedRowsInTheWay(
  sqlite: BetterSqlite3.Database,
  shape: TableShape,
  change: { row_id: string; op: string; data: string | null },
  error: unknown,
  /** Other rows known to be going anyway (a client's, erased in the page being applied). */
  alsoGoing: (rowId: string) => boolean = () => false,
): string[] {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') return [];
  const failed = uniqueFailure.exec(error.message);
  if (!failed || change.data === null || (change.op !== 'insert' && change.op !== 'update')) return [];
  const columns = failed[1]!.split(', ').map((qualified) => qualified.slice(qualified.indexOf('.') + 1));
  if (!failed[1]!.split(', ').every((qualified) => qualified.startsWith(`${shape.name}.`))) return [];
  if (!columns.every((column) => shape.allColumns.includes(column))) return [];

  // The row as it would be: the change over what this desk has of it.
  const key = JSON.parse(change.row_id) as unknown[];
  const whereKey = shape.primaryKey.map((column) => `${quote(column)} IS ?`).join(' AND ');
  const present = sqlite.prepare(`SELECT * FROM ${quote(shape.name)} WHERE ${whereKey}`).get(...key) as Record<string, unknown> | undefined;
  const row = { ...present, ...(JSON.parse(change.data) as Record<string, unknown>) };
  if (!columns.every((column) => column in row)) return [];

  const rowId = `json_array(${shape.primaryKey.map(quote).join(', ')})`;
  const holders = sqlite
    .prepare(`SELECT ${rowId} FROM ${quote(shape.name)} WHERE ${columns.map((column) => `${quote(column)} IS ?`).join(' AND ')} AND ${rowId} != ?`)
    .pluck()
    .all(...columns.map((column) => row[column]), change.row_id) as string[];
  const refusedInsert = sqlite.prepare(
    "SELECT 1 FROM feed f JOIN sync_conflicts c ON f.seq BETWEEN c.first_seq AND c.last_seq WHERE f.tbl = ? AND f.row_id = ? AND f.op = 'insert' LIMIT 1",
  );
  return holders.filter((holder) => refusedInsert.get(shape.name, holder) !== undefined || alsoGoing(holder));
}
