import type { Db, ReadDb, WriteTx } from '../database';

/** This installation: created by the migration that brought the feed, never synced or shared. */
export async function readDeskIdentity(db: ReadDb): Promise<{ id: string; name: string }> {
  return db.selectFrom('desk_identity').select(['id', 'name']).executeTakeFirstOrThrow();
}

/** On first start the desk takes the machine's name (the owner may rename it later). */
export async function nameDeskIfUnnamed(db: Db, name: string): Promise<void> {
  if ((await readDeskIdentity(db)).name !== '') return;
  await db.transaction().execute((tx) => tx.updateTable('desk_identity').set({ name }).where('name', '=', '').execute());
}

/** The second folder this desk's backups are also copied to (null: none). */
export async function setDeskBackupFolder(tx: WriteTx, folder: string | null): Promise<void> {
  await tx.updateTable('desk_identity').set({ backup_folder: folder }).execute();
}
