import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { Access } from '../../src-shared/api/access';
import { canApprove } from '../../src-shared/api/access';
import { contract, isCallName } from '../../src-shared/api/contract';
import type { InvokeOptions } from '../../src-shared/api/invoke';
import type { ApiFieldError, ApiResult, TablesChanged } from '../../src-shared/api/result';
import type { Language } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import type { Db } from '../db/database';
import { lastFeedSeq, tablesChangedSince } from '../db/feed/feed-position';
import type { ChangeEntry } from '../db/queries/change-log';
import { appendChange } from '../db/queries/change-log';
import { recordFeedGroup } from '../db/queries/feed-groups';
import { erasedAnswer, findRequestResult, saveRequestResult } from '../db/queries/request-results';
import { readCentreSettings } from '../db/queries/settings';
import { readStaffCredentials } from '../db/queries/sign-in';
import { trackTablesRead } from '../db/tables-read';
import { AppError } from '../errors/app-error';
import { appErrorFromSqlite } from '../errors/sqlite-fault';
import type { Caller, DeskSession } from './caller';
import { resolveCaller } from './caller';
import type { DataCallName, Handlers, ReadContext, WriteContext } from './handler';
import type { HostServices } from './host-services';
import { noHostServices } from './host-services';
import { checkPin } from './pin-check';
import { inputHash, takeRequestId } from './request-id';
import type { SessionHandlers } from './sign-in';
import { appErrorFromZod } from './zod-error';
import { fieldChecks } from './field-checks';

export interface ApiOptions {
  db: Db;
  sqlite: BetterSqlite3.Database;
  handlers: Handlers;
  sessionHandlers: SessionHandlers;
  /** This installation's id: every audit entry names it. */
  deskId: string;
  /** The folder of the database file (cover images live beside it). */
  dataDir: string;
  /** Backups and self-update of the hosting process. */
  services?: HostServices;
  /** Told after every committed write: what it changed, and the feed position it started from. */
  onCommitted?: (written: { after: number; changed: TablesChanged }) => void;
  /** Where unexpected errors are reported (never shown to the user as a stack). */
  onInternalError?: (call: string, error: unknown) => void;
}

/** A host's door into the API for one session: a window, a browser page, a command. */
export type UntypedInvoke = (call: unknown, input: unknown, options?: InvokeOptions) => Promise<ApiResult<unknown>>;
export type SessionInvoke = (session: DeskSession, call: unknown, input: unknown, options?: InvokeOptions) => Promise<ApiResult<unknown>>;

/**
 * The one entry point of every host: checks the call name, resolves who is calling from the host's
 * session and refuses a role the call does not allow, parses the input with the contract's schema,
 * runs the handler (writes in one IMMEDIATE transaction with their audit entry; the feed's triggers
 * record every row they change) and answers { ok, value } or { ok: false, error } with a
 * translated message. Never throws.
 */
export function createApi(options: ApiOptions): SessionInvoke {
  const { db, handlers } = options;
  const services = options.services ?? noHostServices;
  const report = options.onInternalError ?? ((call, error) => console.error(`[api] ${call} failed`, error));

  return async (session, call, input, invokeOptions) => {
    try {
      if (!isCallName(call)) throw new AppError('unknown_call');
      const spec = contract[call];
      if (spec.kind === 'session') {
        const handler = options.sessionHandlers[call as keyof SessionHandlers] as (input: unknown, context: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parse(spec.input, input), { db, session }) };
      }
      const caller = await authorise(await resolveCaller(db, session, options.deskId, spec.access), spec.access, invokeOptions);
      const { input: dataInput, requestId } = takeRequestId(input, invokeOptions);
      const parsed = await parseWithFieldChecks(call, spec.input, dataInput);
      const name = call as DataCallName;
      if (spec.kind === 'command') {
        const { value, changed, repeated, after } = await runWrite(name, parsed, caller, requestId);
        if (!repeated) options.onCommitted?.({ after, changed });
        return { ok: true, value, changed };
      }
      const { value, tables } = await trackTablesRead(() => runRead(name, parsed, caller));
      return { ok: true, value, reads: tables };
    } catch (error) {
      if (!(error instanceof AppError)) report(String(call), error);
      const appError = toAppError(error, options.sqlite.name);
      const language = await uiLanguage(db);
      return {
        ok: false,
        error: {
          code: appError.code,
          message: errorMessage(language, appError.code, appError.params),
          ...(appError.field ? { field: appError.field } : {}),
          ...fieldsOf(appError, language),
        },
      };
    }
  };

  /**
   * A role the call does not list is refused, unless the call takes an approval and an owner or
   * manager typed their PIN for it: then it runs as the caller, approved by them.
   */
  async function authorise(caller: Caller, access: Access, invokeOptions: InvokeOptions | undefined): Promise<Caller> {
    if (access.beforeSignIn || (caller.role !== null && access.roles.includes(caller.role))) return caller;
    const approval = invokeOptions?.approval;
    if (!access.approvable || !approval) throw new AppError('forbidden');
    const approver = typeof approval.staffId === 'string' ? await readStaffCredentials(db, approval.staffId) : null;
    if (!approver || !approver.active || !approver.pinHash || !canApprove(approver.role)) throw new AppError('approver_not_allowed', 'approval.staffId');
    await checkPin(db, approver, String(approval.pin), 'approval.pin');
    return { ...caller, approvedBy: approver.id };
  }

  function runRead(call: DataCallName, input: unknown, caller: Caller): Promise<unknown> {
    const handler = handlers[call] as unknown as (input: unknown, context: ReadContext) => Promise<unknown>;
    return handler(input, { db, dataDir: options.dataDir, caller, services });
  }

  /**
   * A write with a request id seen before answers its first value and writes nothing (looked up
   * inside the IMMEDIATE transaction, so two desks sending the same id cannot both write).
   */
  function runWrite(
    call: DataCallName,
    input: unknown,
    caller: Caller,
    requestId: string | null,
  ): Promise<{ value: unknown; changed: TablesChanged; repeated: boolean; after: number }> {
    const handler = handlers[call] as unknown as (input: unknown, context: WriteContext) => Promise<unknown>;
    // Files beside the database cannot join the transaction: a write says what to do with them after it.
    const committed: (() => void)[] = [];
    const rolledBack: (() => void)[] = [];
    const settle = (runs: (() => void)[]) => {
      for (const run of runs) {
        try {
          run();
        } catch (error) {
          report(`${call} (after the transaction)`, error);
        }
      }
    };
    // Hashed before the write lock is taken: it depends on the input only.
    const fingerprint = requestId ? inputHash(input) : '';
    const written = db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const before = lastFeedSeq(options.sqlite);
      if (requestId) {
        const first = await findRequestResult(tx, requestId);
        if (first) {
          if (first.call !== call || first.inputHash !== fingerprint) throw new AppError('request_id_reused', 'requestId');
          // What it made was erased since: nothing to answer, nothing to write again.
          if (first.answer === erasedAnswer) throw new AppError('not_found');
          return { value: (JSON.parse(first.answer) as { value: unknown }).value, changed: { tables: [], seq: before }, repeated: true, after: before };
        }
      }
      const entries: ChangeEntry[] = [];
      const value = await handler(input, {
        tx,
        now,
        dataDir: options.dataDir,
        caller,
        services,
        log: (entry) => entries.push(entry),
        afterCommit: (run) => committed.push(run),
        onRollback: (run) => rolledBack.push(run),
      });
      if (entries.length !== 1) throw new Error(`${call} logged ${entries.length} changes; every write logs exactly one`);
      await appendChange(tx, { ...entries[0]!, call, at: now, staffId: caller.staffId, approvedBy: caller.approvedBy, deskId: caller.deskId });
      if (requestId) await saveRequestResult(tx, requestId, { call, inputHash: fingerprint, answer: JSON.stringify({ value }) }, now);
      const changed = tablesChangedSince(options.sqlite, before);
      recordFeedGroup(options.sqlite, before + 1, changed.seq);
      return { value, changed, repeated: false, after: before };
    });
    return written.then(
      (result) => {
        settle(committed);
        return result;
      },
      (error: unknown) => {
        settle(rolledBack);
        throw error;
      },
    );
  }

  /** The contract's refusal, with the handler's own field checks added, so every bad field is named. */
  async function parseWithFieldChecks(call: string, schema: z.ZodType, input: unknown): Promise<unknown> {
    try {
      return parse(schema, input);
    } catch (error) {
      const check = fieldChecks[call];
      if (!(error instanceof AppError) || !check) throw error;
      throw AppError.combine([...error.everyField, ...(await check(db, input, new Date()))]) ?? error;
    }
  }
}

/** Every field's refusal, when more than one field was wrong. */
function fieldsOf(error: AppError, language: Language): { fields?: ApiFieldError[] } {
  const fields = error.everyField.flatMap((e) => (e.field ? [{ field: e.field, code: e.code, message: errorMessage(language, e.code, e.params) }] : []));
  return fields.length > 1 ? { fields } : {};
}

function parse(schema: z.ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) throw appErrorFromZod(parsed.error);
  return parsed.data;
}

/** A refusal as it is; a fault of the disk or the file (full, read-only, busy, damaged) by its own code; anything else is internal. */
function toAppError(error: unknown, databasePath: string): AppError {
  if (error instanceof AppError) return error;
  return appErrorFromSqlite(error, databasePath) ?? new AppError('internal');
}

async function uiLanguage(db: Db): Promise<Language> {
  try {
    return (await readCentreSettings(db)).language;
  } catch {
    return 'es';
  }
}
