import { dirname } from 'node:path';
import type { OpenDatabase } from '../db/open-database';
import { openDatabase } from '../db/open-database';
import { expirePassesAtStartUp } from '../db/queries/expire-passes';
import { extendOpenEndedSeries } from '../db/queries/materialise';
import type { Invoke } from '../../src-shared/api/invoke';
import type { UntypedInvoke } from './dispatch';
import { createApi } from './dispatch';
import { handlers } from './handlers';

export interface ApiHost {
  /** Takes anything (hosts pass what they received); typed callers get the contract's types. */
  invoke: Invoke & UntypedInvoke;
  database: OpenDatabase;
}

/** Opens the database file and serves the API over it: what Electron, the browser host and the CLI share. */
export async function openApi(dbPath: string): Promise<ApiHost> {
  const database = await openDatabase(dbPath);
  await extendOpenEndedSeries(database.db);
  await expirePassesAtStartUp(database.db);
  // The dispatcher checks every input against the contract, so the typed view is sound.
  const invoke = createApi({ db: database.db, handlers, dataDir: dirname(dbPath) }) as Invoke & UntypedInvoke;
  return { database, invoke };
}
