import type { MessageTemplate, TemplateKind, TemplateValues } from '../../src-shared/domain/templates';
import { fillTemplate, templateBody } from '../../src-shared/domain/templates';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';

/** The centre's templates (edited ones and defaults); undefined while loading. */
export function useTemplates(enabled = true): MessageTemplate[] | undefined {
  return useQuery('templates.list', enabled ? {} : null).data;
}

/** A template in the centre's language, filled in; undefined without a message. */
export function useFilledTemplate(message: { kind: TemplateKind; values: TemplateValues } | undefined): string | undefined {
  const { settings } = useSettings();
  const templates = useTemplates(message !== undefined);
  if (!message) return undefined;
  const language = settings.language;
  return fillTemplate(templateBody(templates, message.kind, language), message.values, { language, timeZone: settings.timeZone });
}
