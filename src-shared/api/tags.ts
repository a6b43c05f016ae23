import { z } from 'zod';
import type { Tag, TagWithCount } from '../domain/tag';
import { command, query, returns } from './define-call';
import { colour, id, text } from './fields';
import { everyone, frontDesk } from './access';

export const tagsApi = {
  'tags.list': query(z.strictObject({}), 'Every tag, with how many clients hold it', returns<TagWithCount[]>(), everyone),
  'tags.create': command(
    z.strictObject({ name: text(50), colour: colour.optional() }),
    'Create a tag',
    returns<Tag>(),
    frontDesk,
  ),
  'tags.update': command(
    z.strictObject({ id, name: text(50).optional(), colour: colour.optional() }),
    'Rename a tag or change its colour',
    returns<Tag>(),
    frontDesk,
  ),
  'tags.delete': command(z.strictObject({ id }), 'Delete a tag and take it off every client', returns<{ id: string }>(), frontDesk),
};
