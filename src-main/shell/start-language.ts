import type { Language } from '../../src-shared/domain/centre';

/** The language before the centre's settings can be read: the system's when English, else Spanish. */
export function systemLanguage(preferred: readonly string[]): Language {
  const first = preferred[0]?.toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') ? 'en' : 'es';
}
