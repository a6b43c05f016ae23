import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, ReadDb, WriteTx } from './database';

/** Stands for a named parameter while the query is built once. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A query built and compiled by Kysely once, then run with new parameters: on the write path
 * (every booking, every audit entry) building and compiling cost more processor time than SQLite
 * spends running the statement. `build` receives stand-ins for the parameters; use each only as a
 * plain value (a where operand, an inserted column), never in an `in` list or a condition that
 * changes the query's shape. The statement itself is prepared once by the connection's cache.
 */
export function precompiled<P extends Record<string, unknown>, Row>(build: (db: Db, params: P) => Compilable<Row>): (db: ReadDb | WriteTx, params: P) => Promise<Row[]> {
  let compiled: CompiledQuery<Row> | null = null;
  const stand = new Proxy({}, { get: (_target, name) => new Slot(String(name)) }) as P;
  return async (db, params) => {
    // A read handle is a Db narrowed to selects; building a select on it is what a read may do.
    const full = db as Db;
    compiled ??= build(full, stand).compile();
    const parameters = compiled.parameters.map((value) => (value instanceof Slot ? params[value.name] : value));
    return (await full.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
