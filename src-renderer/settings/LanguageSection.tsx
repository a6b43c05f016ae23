import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { languages, type Language } from '../../src-shared/domain/centre';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';

/** The UI language; it applies as soon as it is chosen. */
export function LanguageSection() {
  const { t } = useTranslation();
  const { settings, applied } = useSettings();
  const [error, setError] = useState<ApiError | undefined>();

  const change = async (language: Language) => {
    const r = await call('settings.update', { language });
    if (r.ok) {
      setError(undefined);
      applied(r.value);
    } else setError(r.error);
  };

  return (
    <PanelSection id="settings-language" title={t('settings.language')} className="settings-section">
      <div className="field">
        <label htmlFor="settings-language-select">{t('settings.language')}</label>
        <select
          id="settings-language-select"
          value={settings.language}
          aria-describedby="settings-language-hint"
          onChange={(e) => void change(e.target.value as Language)}
        >
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`settings.languages.${l}`)}
            </option>
          ))}
        </select>
        <p id="settings-language-hint" className="hint">
          {t('settings.languageHint')}
        </p>
      </div>
      <ErrorBanner error={error} />
    </PanelSection>
  );
}
