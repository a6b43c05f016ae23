import type { z } from 'zod';

/** One call of the API: its input schema (checked in main) and, as a phantom type, its result. */
export interface CallSpec<Input extends z.ZodType, Result, Writes extends boolean = boolean> {
  readonly input: Input;
  /** True for calls that change data: they run in a write transaction and are logged. */
  readonly writes: Writes;
  readonly summary: string;
  /** Never set at runtime: carries the result type for the typed client. */
  readonly result?: Result;
}

/** Names a call's result type: `query(schema, 'What it does', returns<Client>())`. */
export interface Returns<T> {
  readonly __returns?: T;
}
export function returns<T>(): Returns<T> {
  return {};
}

export function query<Input extends z.ZodType, Result>(
  input: Input,
  summary: string,
  _result: Returns<Result>,
): CallSpec<Input, Result, false> {
  return { input, writes: false, summary };
}

export function command<Input extends z.ZodType, Result>(
  input: Input,
  summary: string,
  _result: Returns<Result>,
): CallSpec<Input, Result, true> {
  return { input, writes: true, summary };
}
