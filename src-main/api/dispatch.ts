import type { z } from 'zod';
import type { CallName } from '../../src-shared/api/contract';
import { contract, isCallName } from '../../src-shared/api/contract';
import type { ApiResult } from '../../src-shared/api/result';
import type { Language } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import type { Db } from '../db/database';
import type { ChangeEntry } from '../db/queries/change-log';
import { appendChange } from '../db/queries/change-log';
import { readCentreSettings } from '../db/queries/settings';
import { readDeskStaffId } from '../db/queries/staff';
import { AppError } from '../errors/app-error';
import type { Handlers, ReadContext, WriteContext } from './handler';
import { appErrorFromZod } from './zod-error';

export interface ApiOptions {
  db: Db;
  handlers: Handlers;
  /** The folder of the database file (cover images live beside it). */
  dataDir: string;
  /** Where unexpected errors are reported (never shown to the user as a stack). */
  onInternalError?: (call: string, error: unknown) => void;
}

export type UntypedInvoke = (call: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * The one entry point of every host: checks the call name, parses the input with the contract's
 * schema, runs the handler (writes in one IMMEDIATE transaction with their change-log entry) and
 * answers { ok, value } or { ok: false, error } with a translated message. Never throws.
 */
export function createApi(options: ApiOptions): UntypedInvoke {
  const { db, handlers } = options;
  const report = options.onInternalError ?? ((call, error) => console.error(`[api] ${call} failed`, error));

  return async (call, input) => {
    try {
      if (!isCallName(call)) throw new AppError('unknown_call');
      const spec = contract[call];
      const parsed = (spec.input as z.ZodType).safeParse(input ?? {}, { reportInput: true });
      if (!parsed.success) throw appErrorFromZod(parsed.error);
      const value = spec.writes ? await runWrite(call, parsed.data) : await runRead(call, parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof AppError)) report(String(call), error);
      const appError = toAppError(error);
      const language = await uiLanguage(db);
      return {
        ok: false,
        error: {
          code: appError.code,
          message: errorMessage(language, appError.code, appError.params),
          ...(appError.field ? { field: appError.field } : {}),
        },
      };
    }
  };

  function runRead(call: CallName, input: unknown): Promise<unknown> {
    const handler = handlers[call] as unknown as (input: unknown, context: ReadContext) => Promise<unknown>;
    return handler(input, { db, dataDir: options.dataDir });
  }

  function runWrite(call: CallName, input: unknown): Promise<unknown> {
    const handler = handlers[call] as unknown as (input: unknown, context: WriteContext) => Promise<unknown>;
    return db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const entries: ChangeEntry[] = [];
      const result = await handler(input, { tx, now, dataDir: options.dataDir, log: (entry) => entries.push(entry) });
      if (entries.length !== 1) throw new Error(`${call} logged ${entries.length} changes; every write logs exactly one`);
      // Who is working at the desk (desk.setStaff) is recorded on every change.
      await appendChange(tx, { ...entries[0]!, call, at: now, staffId: await readDeskStaffId(tx) });
      return result;
    });
  }
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new AppError('database_busy');
  return new AppError('internal');
}

async function uiLanguage(db: Db): Promise<Language> {
  try {
    return (await readCentreSettings(db)).language;
  } catch {
    return 'es';
  }
}
