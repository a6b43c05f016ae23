import type { Tag } from '../../../src-shared/domain/tag';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { TagsTable } from '../tables/tags';

export async function tagsOfClients(db: ReadDb, clientIds: string[]): Promise<Map<string, Tag[]>> {
  const byClient = new Map<string, Tag[]>();
  if (clientIds.length === 0) return byClient;
  const rows = await db
    .selectFrom('client_tags')
    .innerJoin('tags', 'tags.id', 'client_tags.tag_id')
    .select(['client_tags.client_id', 'tags.id', 'tags.name', 'tags.colour'])
    .where('client_tags.client_id', 'in', clientIds)
    .orderBy('tags.name_key')
    .execute();
  for (const row of rows) {
    const tags = byClient.get(row.client_id) ?? [];
    tags.push({ id: row.id, name: row.name, colour: row.colour });
    byClient.set(row.client_id, tags);
  }
  return byClient;
}

/** Some tags by id, in name order (a session's tags as the desk reads them). */
export async function tagsByIds(db: ReadDb, ids: readonly string[]): Promise<Tag[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('tags').select(['id', 'name', 'colour']).where('id', 'in', ids).orderBy('name_key').execute();
}

/** The ids of the tags a client holds (for tag visibility of sessions and schedules). */
export async function clientTagIds(db: ReadDb, clientId: string): Promise<string[]> {
  return (await db.selectFrom('client_tags').select('tag_id').where('client_id', '=', clientId).execute()).map((r) => r.tag_id);
}

export type TagChanges = Partial<Pick<TagsTable, 'name' | 'name_key' | 'colour'>>;

export async function loadTag(db: ReadDb, id: string): Promise<Tag> {
  const row = await db.selectFrom('tags').select(['id', 'name', 'colour']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return row;
}

/** Every tag by name, with how many clients hold it. */
export async function listTagsWithCounts(db: ReadDb): Promise<(Tag & { clientCount: number })[]> {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('client_tags', 'client_tags.tag_id', 'tags.id')
    .select(['tags.id', 'tags.name', 'tags.colour'])
    .select((eb) => eb.fn.count<number>('client_tags.client_id').as('clientCount'))
    .groupBy('tags.id')
    .orderBy('tags.name_key')
    .execute();
  return rows.map((r) => ({ ...r, clientCount: Number(r.clientCount) }));
}

export async function countTags(db: ReadDb): Promise<number> {
  const count = await db.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(count.n);
}

export async function insertTag(tx: WriteTx, row: TagsTable): Promise<void> {
  await tx.insertInto('tags').values(row).execute();
}

export async function updateTag(tx: WriteTx, id: string, changes: TagChanges, now: string): Promise<void> {
  await tx
    .updateTable('tags')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteTag(tx: WriteTx, id: string): Promise<void> {
  await tx.deleteFrom('tags').where('id', '=', id).execute();
}
