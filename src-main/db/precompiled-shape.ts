import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, ReadDb } from './database';

/** Stands for one value of the input (by its path) while the query is built. */
class Slot {
  constructor(readonly path: string) {}
}

type Plain = string | number | boolean | null | undefined | readonly Plain[] | { readonly [key: string]: Plain };

/** The input with every string and number replaced by its Slot; arrays keep their length and booleans their value (both shape the SQL). */
function standIn(value: Plain, path: string): unknown {
  if (typeof value === 'string' || typeof value === 'number') return new Slot(path);
  if (Array.isArray(value)) return value.map((v: Plain, i) => standIn(v, `${path}.${i}`));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, standIn(v, `${path}.${k}`)]));
  return value;
}

/** What decides the SQL text: keys, array lengths, booleans and absent values, not the strings and numbers. */
function shapeOf(value: Plain): string {
  if (typeof value === 'string' || typeof value === 'number') return '?';
  if (Array.isArray(value)) return `[${value.map((v: Plain) => shapeOf(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}:${shapeOf(v)}`).join(',')}}`;
  return String(value);
}

function valueAt(input: Plain, path: string): unknown {
  return path
    .split('.')
    .slice(1)
    .reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], input);
}

/**
 * precompiled (precompiled.ts) for a read whose SQL changes with its input's shape (one union arm
 * per day asked for, an `in` list of the staff chosen): built and compiled by Kysely once per shape,
 * then run with the new values. The month view asks a few shapes only (35 or 42 days, the same
 * filters), while compiling a union of a month of days costs as much as running it. `build` must use
 * the input's strings and numbers only as values (operands, limits, selected literals).
 */
export function precompiledByShape<Input extends Plain, Row>(build: (db: Db, input: Input) => Compilable<Row>, maxShapes = 64): (db: ReadDb, input: Input) => Promise<Row[]> {
  const compiledByShape = new Map<string, CompiledQuery<Row>>();
  return async (db, input) => {
    // A read handle is a Db narrowed to selects; building a select on it is what a read may do.
    const full = db as Db;
    const shape = shapeOf(input);
    let compiled = compiledByShape.get(shape);
    if (!compiled) {
      compiled = build(full, standIn(input, '$') as Input).compile();
      if (compiledByShape.size < maxShapes) compiledByShape.set(shape, compiled);
    }
    const parameters = compiled.parameters.map((value) => (value instanceof Slot ? valueAt(input, value.path) : value));
    return (await full.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
