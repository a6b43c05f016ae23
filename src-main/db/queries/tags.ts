import type { Tag } from '../../../src-shared/domain/tag';
import type { Db, WriteTx } from '../database';

export async function tagsOfClients(db: Db | WriteTx, clientIds: string[]): Promise<Map<string, Tag[]>> {
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

/** The ids of the tags a client holds (for tag visibility of sessions and schedules). */
export async function clientTagIds(db: Db | WriteTx, clientId: string): Promise<string[]> {
  return (await db.selectFrom('client_tags').select('tag_id').where('client_id', '=', clientId).execute()).map((r) => r.tag_id);
}
