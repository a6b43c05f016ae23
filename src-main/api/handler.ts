import type { CallName, CallResult, Contract, ParsedInput } from '../../src-shared/api/contract';
import type { ReadDb, WriteTx } from '../db/database';
import type { ChangeEntry } from '../db/queries/change-log';

export interface ReadContext {
  /** Selects only: a read handler cannot write. */
  db: ReadDb;
  /** The folder of the database file: cover images live in covers/ beside it. */
  dataDir: string;
}

export interface WriteContext {
  dataDir: string;
  /** The open IMMEDIATE transaction: everything the call writes goes through it. */
  tx: WriteTx;
  /** The instant of this call, ISO UTC: every row it touches records it. */
  now: string;
  /** Records the call in the change log, in the same transaction. Called exactly once per write. */
  log(entry: ChangeEntry): void;
}

type ContextOf<C extends CallName> = Contract[C]['writes'] extends true ? WriteContext : ReadContext;

export type Handler<C extends CallName> = (input: ParsedInput<C>, context: ContextOf<C>) => Promise<CallResult<C>>;

/** Exactly one handler per contract call: a missing or extra one is a type error. */
export type Handlers = { [C in CallName]: Handler<C> };
