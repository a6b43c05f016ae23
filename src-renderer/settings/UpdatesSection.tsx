import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { UpdateChannel, UpdatesOverview } from '../../src-shared/domain/updates';
import { updateChannels } from '../../src-shared/domain/updates';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { Field } from '../agenda/form/Field';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { InstallUpdateButton } from '../updates/InstallUpdateButton';
import { useUpdates, useUpdateStateText } from '../updates/useUpdates';
import { useFormErrors } from './useFormErrors';

const feedFields = ['url', 'channel'] as const;

/**
 * Ajustes › Actualizaciones: this desk's feed (https only, refused beside the field otherwise) and
 * channel, where the self-update stands, "Buscar ahora" and, once downloaded, "Reiniciar e instalar".
 */
export function UpdatesSection() {
  const { t } = useTranslation();
  const updates = useUpdates();
  const stateText = useUpdateStateText();
  const data = updates.data;
  return (
    <PanelSection id="settings-updates" title={t('updates.title')} className="settings-section updates-section">
      <p className="hint">{t('updates.hint')}</p>
      <ErrorBanner error={updates.error} />
      {data && (
        <>
          {data.currentVersion && <p>{t('updates.version', { version: data.currentVersion })}</p>}
          <FeedForm key={`${data.feed.url ?? ''} ${data.feed.channel}`} overview={data} onSaved={updates.reload} />
          <UpdateStatus overview={data} text={stateText(data.state)} onChanged={updates.reload} />
        </>
      )}
    </PanelSection>
  );
}

function FeedForm({ overview, onSaved }: { overview: UpdatesOverview; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errors = useFormErrors(feedFields);
  const [url, setUrl] = useState(overview.feed.url ?? '');
  const [channel, setChannel] = useState<UpdateChannel>(overview.feed.channel);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const r = await call('updates.setFeed', { url: url.trim() === '' ? null : url, channel });
    setSaving(false);
    errors.show(r.ok ? undefined : r.error);
    if (!r.ok) return;
    toast(t('updates.saved'));
    onSaved();
  };

  return (
    <form noValidate className="stack" onSubmit={(e) => void submit(e)}>
      <Field id="settings-update-url" label={t('updates.url')} hint={t('updates.urlHint')} error={errors.fieldErrors.url}>
        {(aria) => (
          <input {...aria} type="url" inputMode="url" autoComplete="off" spellCheck={false} maxLength={2000} placeholder={t('updates.urlPlaceholder')} value={url} onChange={(e) => setUrl(e.target.value)} />
        )}
      </Field>
      {overview.fromEnvironment && overview.feedInUse && <p className="hint">{t('updates.fromEnvironment', { url: overview.feedInUse })}</p>}
      <Field id="settings-update-channel" label={t('updates.channel')} error={errors.fieldErrors.channel}>
        {(aria) => (
          <select {...aria} value={channel} onChange={(e) => setChannel(e.target.value as UpdateChannel)}>
            {updateChannels.map((c) => (
              <option key={c} value={c}>
                {t(`updates.channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('app.saving') : t('updates.save')}
        </button>
      </div>
    </form>
  );
}

function UpdateStatus({ overview, text, onChanged }: { overview: UpdatesOverview; text: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const { state } = overview;
  // A new answer of the state replaces an earlier refusal's context.
  useEffect(() => {
    if (state.status === 'checking') setError(undefined);
  }, [state.status]);

  const checkNow = async () => {
    const r = await call('updates.check', {});
    setError(r.ok ? undefined : r.error);
    onChanged();
  };

  const canCheck = state.status === 'idle' || state.status === 'error';
  return (
    <div className="stack update-status">
      <p>
        <strong>{t('updates.stateLabel')}: </strong>
        <span role="status" className={state.status === 'error' ? 'update-status-error' : undefined}>
          {text}
        </span>
      </p>
      {state.status === 'downloading' && <progress max={100} value={state.percent} aria-label={text} />}
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <div className="form-actions">
        <button type="button" className="button" disabled={!canCheck} onClick={() => void checkNow()}>
          {t('updates.checkNow')}
        </button>
        {state.status === 'ready' && <InstallUpdateButton className="button button-primary" onError={setError} onDone={onChanged} />}
      </div>
    </div>
  );
}
