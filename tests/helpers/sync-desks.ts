import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import type { OpenApiOptions } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import type { TempApi } from './temp-api';

/** Where a desk sends its sync traffic: the server itself, or a fault proxy in front of it. */
export interface DeskLink {
  url: string;
  key: string;
}

export interface SyncedDesk extends TempApi {
  /** One sync cycle now (upload everything waiting, then download); throws nothing: read sync.status. */
  sync(): Promise<void>;
  /** Opens the same database file again (a restart of the app). */
  reopen(options?: OpenApiOptions): Promise<void>;
}

/**
 * A desk on a real SQLite file, served through the real API, with sync turned on towards `link`.
 * Background cycles are off (tests sync when they choose, through `sync()`), unless asked.
 */
export async function openSyncedDesk(link: DeskLink, name: string, options: OpenApiOptions = {}): Promise<SyncedDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-sync-'));
  const path = join(dir, 'mostrador.db');
  let host = await openApi(path, options);
  const desk: SyncedDesk = {
    get host() {
      return host;
    },
    dir,
    path,
    async call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResult<C>> {
      const result = await host.invoke(call, input);
      if (!result.ok) throw new Error(`${name}: ${call} refused: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async refuse(call: string, input: unknown): Promise<ApiError> {
      const result = await host.invoke(call, input);
      if (result.ok) throw new Error(`${name}: ${call} should have been refused, got ${JSON.stringify(result.value)}`);
      return result.error;
    },
    async sync() {
      await host.sync.syncNow();
    },
    async reopen(reopenOptions = options) {
      await host.close();
      host = await openApi(path, reopenOptions);
    },
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  } as SyncedDesk;
  await desk.call('sync.configure', { endpoint: link.url, key: link.key, enabled: true });
  return desk;
}
