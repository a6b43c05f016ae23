import type { Tag } from '../../src-shared/domain/tag';
import type { WriteTx } from '../db/database';
import { newId } from '../engine/ids';
import { fold } from '../engine/text/fold';
import { AppError } from './app-error';
import type { Handlers } from './handler';

type TagHandlers = Pick<Handlers, 'tags.list' | 'tags.create' | 'tags.update' | 'tags.delete'>;

/** Tag colours handed out in turn when the desk does not choose one. */
const palette = ['#e76f51', '#2a9d8f', '#e9c46a', '#8e7dbe', '#f4a261', '#457b9d', '#d62872', '#6a994e'];

async function loadTag(tx: WriteTx, id: string): Promise<Tag> {
  const row = await tx.selectFrom('tags').select(['id', 'name', 'colour']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return row;
}

async function assertNameFree(tx: WriteTx, nameKey: string, exceptId?: string) {
  let query = tx.selectFrom('tags').select('id').where('name_key', '=', nameKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('duplicate_name', 'name');
}

export const tagHandlers: TagHandlers = {
  'tags.list': async (_input, { db }) => {
    const rows = await db
      .selectFrom('tags')
      .leftJoin('client_tags', 'client_tags.tag_id', 'tags.id')
      .select(['tags.id', 'tags.name', 'tags.colour'])
      .select((eb) => eb.fn.count<number>('client_tags.client_id').as('clientCount'))
      .groupBy('tags.id')
      .orderBy('tags.name_key')
      .execute();
    return rows.map((r) => ({ ...r, clientCount: Number(r.clientCount) }));
  },

  'tags.create': async ({ name, colour }, { tx, now, log }) => {
    const nameKey = fold(name);
    await assertNameFree(tx, nameKey);
    const count = await tx.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const tag = { id: newId(), name, colour: colour ?? palette[Number(count.n) % palette.length]! };
    await tx.insertInto('tags').values({ ...tag, name_key: nameKey, created_at: now, updated_at: now }).execute();
    log({ entity: 'tag', entityId: tag.id, changes: { name: tag.name, colour: tag.colour } });
    return tag;
  },

  'tags.update': async ({ id, name, colour }, { tx, now, log }) => {
    await loadTag(tx, id);
    if (name !== undefined) await assertNameFree(tx, fold(name), id);
    await tx
      .updateTable('tags')
      .set({ ...(name !== undefined ? { name, name_key: fold(name) } : {}), ...(colour ? { colour } : {}), updated_at: now })
      .where('id', '=', id)
      .execute();
    log({ entity: 'tag', entityId: id, changes: { name, colour } });
    return loadTag(tx, id);
  },

  'tags.delete': async ({ id }, { tx, log }) => {
    await loadTag(tx, id);
    await tx.deleteFrom('tags').where('id', '=', id).execute();
    log({ entity: 'tag', entityId: id, changes: { deleted: true } });
    return { id };
  },
};
