import { z } from 'zod';
import type { CustomField } from '../domain/custom-field';
import { customFieldKinds } from '../domain/custom-field';
import { command, query, returns } from './define-call';
import { id, text } from './fields';
import { everyone, managers } from './access';

const options = z.array(text(80)).max(50);

export const customFieldsApi = {
  'customFields.list': query(z.strictObject({}), 'The custom fields of every client card, in order', returns<CustomField[]>(), everyone),
  'customFields.create': command(
    z.strictObject({ label: text(60), kind: z.enum(customFieldKinds), options: options.optional() }),
    'Add a custom field to every client card',
    returns<CustomField>(),
    managers,
  ),
  'customFields.update': command(
    z.strictObject({ id, label: text(60).optional(), options: options.optional(), position: z.number().int().min(0).max(1000).optional() }),
    'Rename a custom field, change its choices or its place',
    returns<CustomField>(),
    managers,
  ),
  'customFields.delete': command(
    z.strictObject({ id }),
    'Remove a custom field and its values from every card',
    returns<{ id: string }>(),
    managers,
  ),
};
