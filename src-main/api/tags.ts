import { newId } from '../engine/ids';
import { paletteColour } from '../engine/palette';
import { countTags, deleteTag, insertTag, listTagsWithCounts, loadTag, updateTag } from '../db/queries/tags';
import { assertNameFree } from '../db/queries/unique-name';
import type { Handlers } from './handler';

type TagHandlers = Pick<Handlers, 'tags.list' | 'tags.create' | 'tags.update' | 'tags.delete'>;

export const tagHandlers: TagHandlers = {
  'tags.list': async (_input, { db }) => listTagsWithCounts(db),

  'tags.create': async ({ name, colour }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'tags', name);
    const count = await countTags(tx);
    const tag = { id: newId(), name, colour: colour ?? paletteColour(count) };
    await insertTag(tx, { ...tag, name_key: nameKey, created_at: now, updated_at: now });
    log({ entity: 'tag', entityId: tag.id, changes: { name: tag.name, colour: tag.colour } });
    return tag;
  },

  'tags.update': async ({ id, name, colour }, { tx, now, log }) => {
    await loadTag(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'tags', name, id);
    await updateTag(tx, id, { ...(name !== undefined ? { name, name_key: nameKey } : {}), ...(colour ? { colour } : {}) }, now);
    log({ entity: 'tag', entityId: id, changes: { name, colour } });
    return loadTag(tx, id);
  },

  'tags.delete': async ({ id }, { tx, log }) => {
    await loadTag(tx, id);
    await deleteTag(tx, id);
    log({ entity: 'tag', entityId: id, changes: { deleted: true } });
    return { id };
  },
};
