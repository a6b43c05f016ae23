import type { CompiledQuery, InsertObject } from 'kysely';
import type { Database, WriteTx } from './database';

/** Stands for row `row`'s value of `column` while an INSERT of that shape is compiled. */
class Slot {
  constructor(
    readonly row: number,
    readonly column: string,
  ) {}
}

/** More shapes than the app has (tables × column sets × row counts): a runaway only resets the cache. */
const maxShapes = 500;
const compiledByShape = new Map<string, CompiledQuery>();

/** A value bound as a parameter as it is: anything else (a `sql` expression, a subquery) is left to Kysely. */
function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object' || value instanceof Uint8Array;
}

/**
 * INSERTs `rows` into `table`, built and compiled by Kysely once per shape (the table and each row's
 * columns) and then only re-bound: on the commit path building an insert costs more processor time
 * than SQLite spends running it. The SQL is exactly what `tx.insertInto(table).values(rows)` makes:
 * undefined values are left out, and a row holding a non-plain value (an expression) goes through
 * Kysely as usual. The statement itself is prepared once by the connection's cache.
 */
export async function insertRows<T extends keyof Database & string>(tx: WriteTx, table: T, rows: InsertObject<Database, T> | readonly InsertObject<Database, T>[]): Promise<void> {
  const list = (Array.isArray(rows) ? rows : [rows]) as readonly Record<string, unknown>[];
  if (list.length === 0) return;
  const columns = list.map((row) => Object.keys(row).filter((column) => row[column] !== undefined));
  if (!list.every((row, i) => columns[i]!.every((column) => isPlain(row[column])))) {
    await tx.insertInto(table).values(rows as InsertObject<Database, T>).execute();
    return;
  }
  const shape = `${table}\u0000${columns.map((c) => c.join(',')).join('\u0000')}`;
  let compiled = compiledByShape.get(shape);
  if (!compiled) {
    const stand = columns.map((cols, row) => Object.fromEntries(cols.map((column) => [column, new Slot(row, column)])));
    compiled = tx.insertInto(table).values(stand as unknown as InsertObject<Database, T>[]).compile();
    if (compiledByShape.size >= maxShapes) compiledByShape.clear();
    compiledByShape.set(shape, compiled);
  }
  const parameters = compiled.parameters.map((value) => (value instanceof Slot ? list[value.row]![value.column] : value));
  await tx.executeQuery({ ...compiled, parameters });
}
