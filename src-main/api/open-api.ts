import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { InvokeOptions, Invoke } from '../../src-shared/api/invoke';
import type { ApiResult, TablesChanged } from '../../src-shared/api/result';
import type { BackupService } from '../db/backup/backup-service';
import { createBackupService } from '../db/backup/backup-service';
import { deskIdOf } from '../db/backup/desk-facts';
import type { FeedWatcher } from '../db/feed/feed-watcher';
import { createFeedWatcher } from '../db/feed/feed-watcher';
import type { OpenDatabase, OpenDatabaseOptions } from '../db/open-database';
import { openCheckedDatabase } from '../db/open-problem';
import { expirePassesAtStartUp } from '../db/queries/expire-passes';
import { extendOpenEndedSeries } from '../db/queries/materialise';
import { nameDeskIfUnnamed, readDeskIdentity } from '../db/queries/desk-identity';
import { pruneRequestResults } from '../db/queries/request-results';
import { sweepPhotoFiles } from '../db/queries/photo-files';
import { readUpdateFeed } from '../db/queries/update-settings';
import type { DeskSession } from './caller';
import { newDeskSession } from './caller';
import type { UntypedInvoke } from './dispatch';
import { createApi } from './dispatch';
import { handlers } from './handlers';
import { requestRetentionMs } from './request-id';
import { sessionHandlers } from './sign-in';
import type { UpdateService } from './update-service';
import type { SyncAgent, SyncAgentOptions } from '../sync/sync-agent';
import { createSyncAgent } from '../sync/sync-agent';
import { syncServiceOf } from '../sync/sync-service-of';
import type { FiscalSubmitter, FiscalSubmitterOptions } from '../fiscal/fiscal-submitter';
import { createFiscalSubmitter } from '../fiscal/fiscal-submitter';

/** One session's typed door: takes anything (hosts pass what they received); typed callers get the contract's types. */
export type HostInvoke = Invoke & UntypedInvoke;

export interface ApiHost {
  /** The host's own session: the CLI's command, a test. */
  invoke: HostInvoke;
  /** A new, signed-out session with its own door: one per window or browser page. */
  openSession(): { session: DeskSession; invoke: HostInvoke };
  /** Told which of the centre's tables changed after every commit, this process's or another's. */
  onTablesChanged(listener: (change: TablesChanged) => void): () => void;
  /** Looks for commits made by other processes (call it on a timer). */
  watchOtherWriters(): void;
  database: OpenDatabase;
  /** Backups and restores of this database (the updater calls backups.runNow('before-update')). */
  backups: BackupService;
  /** Sync with the cloud API. */
  sync: SyncAgent;
  /** VERI*FACTU records to the tax agency. */
  fiscal: FiscalSubmitter;
  /** What a host does when the app closes: the closing backup (when automatic), then the database. */
  close(): Promise<void>;
}

/** Opens the database file and serves the API over it: what Electron, the browser host and the CLI share. */
export interface OpenApiOptions {
  /** The packaged desktop app's self-update, when there is one. */
  updates?: UpdateService;
  /** How the file is opened (a shorter busy timeout in tests). */
  database?: OpenDatabaseOptions;
  /**
   * The desktop app and the browser host: a backup once a day while running and one at close().
   * Off for the CLI and tests (a command is not the app closing).
   */
  automaticBackups?: boolean;
  /** A fixed clock for the backups (tests). */
  now?: () => Date;
  /**
   * Sync with the cloud API. `start`: the desktop app and the browser host sync in the background
   * while sync is on; the CLI and tests sync only when asked (sync.now).
   */
  sync?: { start?: boolean } & Pick<SyncAgentOptions, 'fetch' | 'random' | 'intervalMs' | 'batchSize' | 'pullLimit'>;
  /** VERI*FACTU submission: `start` as for sync (the desktop app and the browser host); tests pass a clock and a timeout. */
  fiscal?: { start?: boolean } & Omit<FiscalSubmitterOptions, 'database'>;
}

export async function openApi(dbPath: string, options: OpenApiOptions = {}): Promise<ApiHost> {
  const database = await openCheckedDatabase(dbPath, options.database);
  try {
    await extendOpenEndedSeries(database.db);
    await expirePassesAtStartUp(database.db);
    await pruneRequestResults(database.db, new Date(Date.now() - requestRetentionMs).toISOString());
    await nameDeskIfUnnamed(database.db, hostname().slice(0, 80) || 'Mostrador');
    // Gallery files no row names (a write interrupted before its cleanup) go.
    await sweepPhotoFiles(database.db, dirname(dbPath));
  } catch (error) {
    // A start-up job that failed (a full disk) leaves no connection behind: the host may open the file again.
    await database.close().catch(() => undefined);
    throw error;
  }
  let deskId = (await readDeskIdentity(database.db)).id;
  // A restore (here, or by another process on the same file) gives the database a new desk id, and
  // its feed may end lower: the watcher starts again from it and every page refreshes.
  const watcher: FeedWatcher = createFeedWatcher(database.sqlite, { onReplaced: () => (deskId = deskIdOf(database.sqlite) ?? deskId) });
  const backups = createBackupService({
    sqlite: database.sqlite,
    dbPath,
    automatic: options.automaticBackups ?? false,
    ...(options.now ? { now: options.now } : {}),
    onReplaced: () => watcher.replaced(),
  });
  const { start: startSync = false, ...syncOptions } = options.sync ?? {};
  const sync = createSyncAgent({
    ...syncOptions,
    database,
    deskId: () => deskId,
    deskName: async () => (await readDeskIdentity(database.db)).name,
    onApplied: (tables) => {
      watcher.applied(tables);
      // An erasure or a photo deleted on another desk: this desk's files of it go too.
      if (tables.includes('clients') || tables.includes('client_photos')) void sweepPhotoFiles(database.db, dirname(dbPath));
    },
  });
  const { start: startFiscal = false, ...fiscalOptions } = options.fiscal ?? {};
  const fiscal = createFiscalSubmitter({ ...fiscalOptions, database });
  const dispatch = createApi({
    db: database.db,
    sqlite: database.sqlite,
    handlers,
    sessionHandlers,
    // Read at every call (the dispatcher reads options.deskId then): after a restore, audit entries name the new id.
    get deskId() {
      return deskId;
    },
    dataDir: dirname(dbPath),
    services: { backups, updates: options.updates ?? null, sync: syncServiceOf(sync, () => deskId, options.sync?.fetch), fiscal: fiscal.service },
    onCommitted: (written) => {
      watcher.committed(written);
      sync.kick();
      fiscal.kick();
    },
  });
  // The desktop app's updater starts from the feed this desk stored in Ajustes (checked at once).
  options.updates?.configure(await readUpdateFeed(database.db));
  if (startSync) sync.start();
  if (startFiscal) fiscal.start();
  // The dispatcher checks every input against the contract, so the typed view is sound.
  const bind = (session: DeskSession) =>
    ((call: unknown, input: unknown, options?: InvokeOptions): Promise<ApiResult<unknown>> => dispatch(session, call, input, options)) as HostInvoke;
  return {
    database,
    invoke: bind(newDeskSession()),
    openSession() {
      const session = newDeskSession();
      return { session, invoke: bind(session) };
    },
    onTablesChanged: (listener) => watcher.subscribe(listener),
    watchOtherWriters: () => watcher.poll(),
    backups,
    sync,
    fiscal,
    async close() {
      await fiscal.stop();
      await sync.stop();
      await backups.close();
      await database.close();
    },
  };
}
