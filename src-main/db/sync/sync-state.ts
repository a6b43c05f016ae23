import type { OpenDatabase } from '../open-database';
import type { SyncStateTable } from '../tables/sync';
import type { ReadDb, WriteTx } from '../database';

/**
 * This desk's sync settings and cursors. The sync agent runs beside the handlers on the same
 * connection, so it reads and writes only through kysely's connection (one caller at a time):
 * a raw statement could otherwise read or join a handler's transaction that is still open.
 */
export async function readSyncState(db: ReadDb): Promise<SyncStateTable> {
  return db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
}

export async function updateSyncState(target: OpenDatabase, patch: Partial<Omit<SyncStateTable, 'id'>>): Promise<void> {
  await target.db.updateTable('sync_state').set(patch).execute();
}

export async function configureSync(tx: WriteTx, settings: { endpoint: string | null; key: string | null; enabled: boolean }, endpointChanged: boolean): Promise<void> {
  await tx
    .updateTable('sync_state')
    .set({
      endpoint: settings.endpoint,
      desk_key: settings.key,
      enabled: settings.enabled ? 1 : 0,
      // Another server is another centre's order: its download starts over.
      ...(endpointChanged ? { pulled_through: 0, server_head: 0, first_sync_done: 0, centre_id: null, centre_name: null } : {}),
      last_error_code: null,
      last_error_detail: null,
      last_error_at: null,
    })
    .execute();
}

/** Runs `work` on the connection while no handler holds it (reads that must not see an open transaction). */
export async function onConnection<T>(target: OpenDatabase, work: () => T): Promise<T> {
  return target.db.connection().execute(async () => work());
}
