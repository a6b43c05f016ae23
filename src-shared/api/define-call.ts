import type { z } from 'zod';
import type { Access } from './access';

/**
 * query: reads only; command: changes the centre's data (one IMMEDIATE transaction, audited, in
 * the feed); session: changes who is signed in at this window, page or command (the host's own state);
 * host: asks the hosting process for work that must not run inside a write transaction (a backup
 * steps through the whole file while the desk keeps writing; a restore replaces the file) — the
 * dispatcher checks the caller's role and the input, then runs it as it runs a query, and the
 * host's service does the work.
 */
export type CallKind = 'query' | 'command' | 'session' | 'host';

/** One call of the API: its input schema (checked in main), who may make it and, as a phantom type, its result. */
export interface CallSpec<Input extends z.ZodType, Result, Kind extends CallKind = CallKind> {
  readonly input: Input;
  readonly kind: Kind;
  readonly summary: string;
  readonly access: Access;
  /** Never set at runtime: carries the result type for the typed client. */
  readonly result?: Result;
}

/** Names a call's result type: `query(schema, 'What it does', returns<Client>(), everyone)`. */
export interface Returns<T> {
  readonly __returns?: T;
}
export function returns<T>(): Returns<T> {
  return {};
}

function define<Kind extends CallKind>(kind: Kind) {
  return <Input extends z.ZodType, Result>(input: Input, summary: string, _result: Returns<Result>, access: Access): CallSpec<Input, Result, Kind> => ({
    input,
    kind,
    summary,
    access,
  });
}

export const query = define('query');
export const command = define('command');
export const session = define('session');
export const hostTask = define('host');
