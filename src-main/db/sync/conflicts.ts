import type { WriteTx, ReadDb } from '../database';
import type { SyncConflictsTable } from '../tables/sync';

export async function insertConflict(tx: WriteTx, conflict: SyncConflictsTable): Promise<void> {
  // The same refusal answered twice (a batch sent again) is listed once.
  await tx.insertInto('sync_conflicts').values(conflict).onConflict((oc) => oc.columns(['first_seq', 'tbl', 'row_id']).doNothing()).execute();
}

export async function listConflicts(db: ReadDb, includeDismissed: boolean): Promise<SyncConflictsTable[]> {
  let query = db.selectFrom('sync_conflicts').selectAll().orderBy('at', 'desc').orderBy('id', 'desc');
  if (!includeDismissed) query = query.where('dismissed_at', 'is', null);
  return query.execute();
}

export async function countOpenConflicts(db: ReadDb): Promise<number> {
  const row = await db.selectFrom('sync_conflicts').select((eb) => eb.fn.countAll<number>().as('n')).where('dismissed_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function dismissConflict(tx: WriteTx, id: string, at: string): Promise<boolean> {
  const result = await tx.updateTable('sync_conflicts').set({ dismissed_at: at }).where('id', '=', id).where('dismissed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
