import type { OpenDatabase } from '../db/open-database';
import { openDatabase } from '../db/open-database';
import type { UntypedInvoke } from './dispatch';
import { createApi } from './dispatch';
import { handlers } from './handlers';

export interface ApiHost {
  invoke: UntypedInvoke;
  database: OpenDatabase;
}

/** Opens the database file and serves the API over it: what Electron, the browser host and the CLI share. */
export async function openApi(dbPath: string, options: { staffId?: () => string | null } = {}): Promise<ApiHost> {
  const database = await openDatabase(dbPath);
  return { database, invoke: createApi({ db: database.db, handlers, ...options }) };
}
