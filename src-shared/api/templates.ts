import { z } from 'zod';
import type { MessageTemplate } from '../domain/templates';
import { templateKinds } from '../domain/templates';
import { languages } from '../domain/centre';
import { command, query, returns } from './define-call';
import { text } from './fields';
import { everyone, managers } from './access';

export const templatesApi = {
  'templates.list': query(z.strictObject({}), 'Every message template (reminder, place freed, booking confirmed / cancelled) in each language', returns<MessageTemplate[]>(), everyone),
  'templates.update': command(
    z.strictObject({ kind: z.enum(templateKinds), language: z.enum(languages), body: text(1000).optional(), reset: z.boolean().optional() }),
    'Edit a message template, or reset it to the built-in text',
    returns<MessageTemplate>(),
    managers,
  ),
};
