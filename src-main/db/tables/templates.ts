import type { TemplateKind } from '../../../src-shared/domain/templates';
import type { Language } from '../../../src-shared/domain/centre';

export interface MessageTemplatesTable {
  /** `kind:language`. */
  id: string;
  kind: TemplateKind;
  language: Language;
  body: string;
  created_at: string;
  updated_at: string;
}
