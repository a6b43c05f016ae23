import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { setCentreFiscal } from './fiscal-data';

export interface TempApi {
  host: ApiHost;
  dir: string;
  path: string;
  /** Calls the API and returns the value; fails the test with the error when the call is refused. */
  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResult<C>>;
  /** Calls the API expecting a refusal; fails the test if it succeeds. */
  refuse(call: string, input: unknown): Promise<ApiError>;
  close(): Promise<void>;
}

/**
 * A real SQLite file in a fresh temp folder, served through the real API. A new centre has its
 * fiscal data filled in (it sells nothing without it) unless `fiscal: false`.
 */
export async function openTempApi(options: { fiscal?: boolean } = {}): Promise<TempApi> {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-test-'));
  return openTempApiIn(dir, options);
}

/** The API over `dir`/mostrador.db (created, or opened again after a close); close() removes the folder. */
export async function openTempApiIn(dir: string, options: { fiscal?: boolean } = {}): Promise<TempApi> {
  const path = join(dir, 'mostrador.db');
  const fresh = !existsSync(path);
  const host = await openApi(path);
  if (fresh && options.fiscal !== false) await setCentreFiscal(host);
  return {
    host,
    dir,
    path,
    async call(call, input) {
      const result = await host.invoke(call, input);
      if (!result.ok) throw new Error(`${call} refused: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async refuse(call, input) {
      const result = await host.invoke(call, input);
      if (result.ok) throw new Error(`${call} should have been refused, got ${JSON.stringify(result.value)}`);
      return result.error;
    },
    async close() {
      await host.database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
