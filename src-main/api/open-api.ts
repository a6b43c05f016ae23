import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { InvokeOptions, Invoke } from '../../src-shared/api/invoke';
import type { ApiResult, TablesChanged } from '../../src-shared/api/result';
import type { FeedWatcher } from '../db/feed/feed-watcher';
import { createFeedWatcher } from '../db/feed/feed-watcher';
import type { OpenDatabase } from '../db/open-database';
import { openDatabase } from '../db/open-database';
import { expirePassesAtStartUp } from '../db/queries/expire-passes';
import { extendOpenEndedSeries } from '../db/queries/materialise';
import { nameDeskIfUnnamed, readDeskIdentity } from '../db/queries/desk-identity';
import type { DeskSession } from './caller';
import { newDeskSession } from './caller';
import type { UntypedInvoke } from './dispatch';
import { createApi } from './dispatch';
import { handlers } from './handlers';
import { sessionHandlers } from './sign-in';
import type { UpdateService } from './update-service';

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
}

/** Opens the database file and serves the API over it: what Electron, the browser host and the CLI share. */
export interface OpenApiOptions {
  /** The packaged desktop app's self-update, when there is one. */
  updates?: UpdateService;
}

export async function openApi(dbPath: string, options: OpenApiOptions = {}): Promise<ApiHost> {
  const database = await openDatabase(dbPath);
  await extendOpenEndedSeries(database.db);
  await expirePassesAtStartUp(database.db);
  await nameDeskIfUnnamed(database.db, hostname().slice(0, 80) || 'Mostrador');
  const watcher: FeedWatcher = createFeedWatcher(database.sqlite);
  const dispatch = createApi({
    db: database.db,
    sqlite: database.sqlite,
    handlers,
    sessionHandlers,
    deskId: (await readDeskIdentity(database.db)).id,
    dataDir: dirname(dbPath),
    services: { backups: null, updates: options.updates ?? null },
    onCommitted: () => watcher.committed(),
  });
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
  };
}
