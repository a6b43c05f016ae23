import type { Tag } from '../../src-shared/domain/tag';
import type { WriteTx } from '../db/database';
import { newId } from '../engine/ids';
import { paletteColour } from '../engine/palette';
import { assertNameFree } from '../db/queries/unique-name';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type TagHandlers = Pick<Handlers, 'tags.list' | 'tags.create' | 'tags.update' | 'tags.delete'>;

async function loadTag(tx: WriteTx, id: string): Promise<Tag> {
  const row = await tx.selectFrom('tags').select(['id', 'name', 'colour']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return row;
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
    const nameKey = await assertNameFree(tx, 'tags', name);
    const count = await tx.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const tag = { id: newId(), name, colour: colour ?? paletteColour(Number(count.n)) };
    await tx.insertInto('tags').values({ ...tag, name_key: nameKey, created_at: now, updated_at: now }).execute();
    log({ entity: 'tag', entityId: tag.id, changes: { name: tag.name, colour: tag.colour } });
    return tag;
  },

  'tags.update': async ({ id, name, colour }, { tx, now, log }) => {
    await loadTag(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'tags', name, id);
    await tx
      .updateTable('tags')
      .set({ ...(name !== undefined ? { name, name_key: nameKey } : {}), ...(colour ? { colour } : {}), updated_at: now })
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
