import type { CallName, CallResult, Contract, ParsedInput } from '../../src-shared/api/contract';
import type { ReadDb, WriteTx } from '../db/database';
import type { ChangeEntry } from '../db/queries/change-log';
import type { Caller } from './caller';
import type { HostServices } from './host-services';

export interface ReadContext {
  /** Selects only: a read handler cannot write. */
  db: ReadDb;
  /** The folder of the database file: cover images live in covers/ beside it. */
  dataDir: string;
  /** Who is asking, resolved by the host's session (never from the input). */
  caller: Caller;
  /** Backups and self-update of the hosting process. */
  services: HostServices;
}

export interface WriteContext {
  dataDir: string;
  /** The open IMMEDIATE transaction: everything the call writes goes through it. */
  tx: WriteTx;
  /** The instant of this call, ISO UTC: every row it touches records it. */
  now: string;
  /** Who is making the call, resolved by the host's session (never from the input). */
  caller: Caller;
  services: HostServices;
  /** Records the call in the audit trail (change_log), in the same transaction. Called exactly once per write. */
  log(entry: ChangeEntry): void;
  /** Runs once the transaction has committed: files a write removes (a rolled-back delete keeps them). */
  afterCommit(run: () => void): void;
  /** Runs if the transaction rolls back: files a failed write had made. */
  onRollback(run: () => void): void;
}

/** The calls that read or change the centre's data; the auth calls act on the host's session instead. */
export type DataCallName = { [C in CallName]: Contract[C]['kind'] extends 'session' ? never : C }[CallName];

type ContextOf<C extends CallName> = Contract[C]['kind'] extends 'command' ? WriteContext : ReadContext;

export type Handler<C extends CallName> = (input: ParsedInput<C>, context: ContextOf<C>) => Promise<CallResult<C>>;

/** Exactly one handler per data call: a missing or extra one is a type error. */
export type Handlers = { [C in DataCallName]: Handler<C> };
