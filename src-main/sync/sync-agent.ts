import { syncLimits } from '../../src-shared/sync/protocol';
import type { OpenDatabase } from '../db/open-database';
import { applyPulledPage } from '../db/sync/apply-pulled';
import { erasePulledClient } from '../db/sync/erase-pulled';
import { readOutbox } from '../db/sync/outbox';
import { onConnection, readSyncState, updateSyncState } from '../db/sync/sync-state';
import { fullJitterDelay } from '../engine/sync/backoff';
import { AppError } from '../errors/app-error';
import { settlePush } from '../db/sync/settle-push';
import type { SyncClient } from './sync-client';
import { createSyncClient, SyncFailure } from './sync-client';

export interface SyncAgentOptions {
  database: OpenDatabase;
  /** Read at every cycle: a restore gives the database a new desk id. */
  deskId: () => string;
  deskName: () => Promise<string>;
  /** Tables that rows arrived in (the feed is paused for them, so the watcher cannot see them). */
  onApplied: (tables: string[]) => void;
  fetch?: typeof fetch;
  random?: () => number;
  /** How often a synced desk looks for other desks' changes. */
  intervalMs?: number;
  batchSize?: number;
  pullLimit?: number;
  now?: () => Date;
}

/** Where the first download of a centre stands (kept in memory: it is only shown while it runs). */
export interface FirstSyncProgress {
  done: number;
  total: number;
}

const retry = { baseMs: 1000, capMs: 60_000 };

/** The failures sync.status shows as offline (the network, a failing or busy server): they keep the desk's offline_since. */
const offlineCodes: ReadonlySet<string> = new Set(['sync_unreachable', 'sync_server_error', 'sync_rate_limited']);

/**
 * Uploads this desk's feed and downloads the centre's changes, in cycles: after every commit (soon),
 * on a timer while synced, and with exponential backoff and full jitter while the server cannot be
 * reached. A cycle uploads everything waiting before it downloads, so the server judges this desk's
 * offline work before the desk applies what others did. The desk never waits for it: the handlers
 * keep answering, and nothing it wrote leaves the feed until the server has settled it.
 */
export function createSyncAgent(options: SyncAgentOptions) {
  const { database } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const interval = options.intervalMs ?? 5000;
  const batchSize = options.batchSize ?? 500;
  const pullLimit = options.pullLimit ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let attempt = 0;
  let stopped = false;
  let started = false;
  let progress: FirstSyncProgress | null = null;

  function schedule(delayMs: number): void {
    if (stopped || !started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void runCycle();
    }, delayMs);
    timer.unref?.();
  }

  /** One cycle at a time; a cycle asked for while one runs follows it. */
  async function runCycle(): Promise<void> {
    while (running) await running;
    running = cycle().finally(() => (running = null));
    return running;
  }

  async function cycle(): Promise<void> {
    const state = await readSyncState(database.db);
    if (!state.enabled || !state.endpoint || !state.desk_key) return;
    const deskId = options.deskId();
    const client = createSyncClient({ endpoint: state.endpoint, key: state.desk_key, deskId }, options.fetch);
    try {
      if (!state.centre_id) {
        const hello = await client.hello();
        await updateSyncState(database, { centre_id: hello.centreId, centre_name: hello.centreName, server_head: hello.head });
      }
      await pushAll(client, deskId, state.pushed_through);
      const head = await pullAll(client, state.first_sync_done === 0);
      attempt = 0;
      await updateSyncState(database, { server_head: head, last_synced_at: now().toISOString(), offline_since: null, last_error_code: null, last_error_detail: null, last_error_at: null, first_sync_done: 1 });
      schedule(interval);
    } catch (error) {
      progress = null;
      await recordFailure(error);
      schedule(fullJitterDelay(attempt++, random, retry));
    }
  }

  async function pushAll(client: SyncClient, deskId: string, from: number): Promise<void> {
    let pushedThrough = from;
    let realigned = 0;
    const deskName = await options.deskName();
    for (;;) {
      const batch = await onConnection(database, () => readOutbox(database.sqlite, pushedThrough, batchSize));
      if (batch.changes.length === 0) return;
      try {
        const answer = await client.push({ deskId, deskName, changes: batch.changes, groups: batch.groups });
        await settlePush(database, answer, now().toISOString());
        pushedThrough = answer.appliedThrough;
      } catch (error) {
        // The server settled a different stretch of this desk's feed (it was restored, or this
        // database was): it says where to go on, and the entries it has are merged, not doubled.
        if (error instanceof SyncFailure && error.expectedSeq !== null && realigned++ < 2) {
          pushedThrough = error.expectedSeq - 1;
          await updateSyncState(database, { pushed_through: pushedThrough });
          continue;
        }
        throw error;
      }
    }
  }

  /** Downloads every page after the cursor; returns the server's head as last seen. */
  async function pullAll(client: SyncClient, first: boolean): Promise<number> {
    let cursor = (await readSyncState(database.db)).pulled_through;
    for (;;) {
      const page = await client.pull(cursor, Math.min(pullLimit, syncLimits.maxPullLimit));
      if (first && page.head > 0) progress = { done: Math.min(page.cursor, page.head), total: page.head };
      if (page.changes.length === 0) {
        progress = null;
        return page.head;
      }
      const { tables, erased } = await applyPulledPage(database, page);
      for (const clientId of erased) await erasePulledClient(database, clientId);
      options.onApplied(erased.length > 0 ? [...new Set([...tables, 'clients', 'bookings', 'appointments', 'client_passes'])] : tables);
      cursor = page.cursor;
      if (cursor >= page.head) {
        progress = null;
        return page.head;
      }
      // A long first download goes page by page, letting the desk's own calls in between.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function recordFailure(error: unknown): Promise<void> {
    const at = now().toISOString();
    const state = await readSyncState(database.db);
    if (error instanceof SyncFailure) {
      await updateSyncState(database, {
        last_error_code: error.code,
        last_error_detail: error.detail,
        last_error_at: at,
        // Since when nothing got through: kept across every failure shown as offline (sync.status).
        offline_since: offlineCodes.has(error.code) ? (state.offline_since ?? at) : null,
      });
      return;
    }
    // A pulled row this desk could not take (a constraint its own unsent write holds): the next
    // cycle uploads that write first; anything else is shown as it is.
    const detail = error instanceof AppError ? error.code : error instanceof Error ? error.message : String(error);
    await updateSyncState(database, { last_error_code: 'sync_rejected', last_error_detail: detail.slice(0, 500), last_error_at: at });
  }

  return {
    /** Starts the cycles (the desktop app and the browser host; the CLI syncs only when asked). */
    start(): void {
      started = true;
      schedule(0);
    },
    /** A write committed: upload it soon. */
    kick(): void {
      if (!timer || attempt === 0) schedule(50);
    },
    /** The settings changed: start over at once. */
    reconfigured(): void {
      attempt = 0;
      schedule(50);
    },
    /** One cycle now (after the one running, if any). */
    syncNow: () => runCycle(),
    progress: () => progress,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running.catch(() => undefined);
    },
  };
}

export type SyncAgent = ReturnType<typeof createSyncAgent>;
