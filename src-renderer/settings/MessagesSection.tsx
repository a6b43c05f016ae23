import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { languages, type Language } from '../../src-shared/domain/centre';
import { fillTemplate, templateKinds, type TemplateKind } from '../../src-shared/domain/templates';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { toZoned } from '../lib/time';
import { useTemplates } from './useTemplates';

/** Ajustes › Mensajes: the WhatsApp texts per kind and language, with a filled-in preview. */
export function MessagesSection() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const templates = useTemplates();
  const [language, setLanguage] = useState<Language>(settings.language);
  const [kind, setKind] = useState<TemplateKind>('reminder');
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const current = templates?.find((x) => x.kind === kind && x.language === language);

  useEffect(() => {
    if (current) setBody(current.body);
  }, [current]);

  // A sample appointment tomorrow at 10:00, the centre's time.
  const sampleStart = toZoned(new Date().toISOString(), settings.timeZone)
    .add({ days: 1 })
    .with({ hour: 10, minute: 0, second: 0, millisecond: 0, microsecond: 0, nanosecond: 0 })
    .toInstant();
  const preview = fillTemplate(
    body,
    { client: t('templates.sample.client'), service: t('templates.sample.service'), professional: t('templates.sample.professional'), centre: settings.name, startsAt: sampleStart.toString() },
    { language, timeZone: settings.timeZone },
  );

  const save = async (reset: boolean) => {
    const r = await call('templates.update', reset ? { kind, language, reset: true } : { kind, language, body });
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      setBody(r.value.body);
      toast(t('templates.saved'));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <PanelSection id="settings-messages" title={t('templates.title')} className="settings-section">
      <p className="hint">{t('templates.hint')}</p>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor="template-language">{t('templates.language')}</label>
          <select id="template-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`settings.languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="template-kind">{t('templates.kind')}</label>
          <select id="template-kind" value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)}>
            {templateKinds.map((k) => (
              <option key={k} value={k}>
                {t(`templates.kinds.${k}`)}
                {templates?.find((x) => x.kind === k && x.language === language)?.edited ? ` · ${t('templates.edited')}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="template-body">{t('templates.body')}</label>
          <textarea id="template-body" rows={4} maxLength={1000} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <div className="field">
          <span className="label" id="template-preview-label">
            {t('templates.preview')}
          </span>
          <p className="template-preview" aria-labelledby="template-preview-label" data-testid="template-preview" lang={language}>
            {preview}
          </p>
        </div>
        <ErrorBanner error={error} onClose={() => setError(undefined)} />
        <div className="row">
          <button type="submit" className="button button-primary" disabled={body.trim() === ''}>
            {t('templates.save')}
          </button>
          <button type="button" className="button" disabled={!current?.edited} onClick={() => void save(true)}>
            {t('templates.reset')}
          </button>
        </div>
      </form>
    </PanelSection>
  );
}
