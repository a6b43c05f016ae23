import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src-shared/domain/centre';
import { en } from './en';
import { es } from './es';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof es };
  }
}

/** The Intl locale of each UI language: dates, times and numbers follow it. */
export const uiLocales: Record<Language, string> = { es: 'es-ES', en: 'en-GB' };

export const i18n = i18next.createInstance();

export function initI18n(language: Language = 'es'): Promise<unknown> {
  return i18n.use(initReactI18next).init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: language,
    fallbackLng: 'es',
    supportedLngs: ['es', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
}

/** Switches the whole UI at once and marks the document's language. */
export async function setUiLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLocale(): string {
  return uiLocales[(i18n.language as Language) ?? 'es'] ?? 'es-ES';
}
