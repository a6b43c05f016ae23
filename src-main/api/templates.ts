import { deleteTemplate, listTemplates, loadTemplate, saveTemplate } from '../db/queries/templates';
import { defaultTemplates } from '../../src-shared/domain/templates';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type TemplateHandlers = Pick<Handlers, 'templates.list' | 'templates.update'>;

export const templateHandlers: TemplateHandlers = {
  'templates.list': async (_input, { db }) => listTemplates(db),

  'templates.update': async ({ kind, language, body, reset }, { tx, now, log }) => {
    if (reset === true || body === defaultTemplates[language][kind]) {
      await deleteTemplate(tx, kind, language);
    } else {
      if (body === undefined) throw new AppError('invalid_input', 'body');
      await saveTemplate(tx, kind, language, body, now);
    }
    log({ entity: 'message_template', entityId: `${kind}:${language}`, changes: reset === true ? { reset: true } : { body } });
    return loadTemplate(tx, kind, language);
  },
};
