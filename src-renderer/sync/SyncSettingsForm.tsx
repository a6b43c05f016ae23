import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { SyncSettings } from '../../src-shared/domain/sync';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { Field } from '../agenda/form/Field';
import { ErrorBanner, useErrorText } from '../components/bits';

type SyncField = 'endpoint' | 'key';
type FieldErrors = Partial<Record<SyncField, string>>;

/** Refusals of a connection test that are about the key, not the address. */
const keyCodes = new Set(['sync_unauthorized', 'sync_key_revoked', 'sync_key_other_desk', 'sync_wrong_centre']);

/** A failed test belongs beside a field even when the server did not name one. */
function testFieldOf(error: ApiError): SyncField {
  if (error.field === 'endpoint' || error.field === 'key') return error.field;
  return keyCodes.has(error.code) ? 'key' : 'endpoint';
}

/** The address rule the host applies (https, or http on this machine), checked before asking it. */
function endpointLooksValid(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '' || url.search !== '' || url.hash !== '') return false;
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && local);
}

/** The address, the key (never shown: empty keeps the saved one), the on/off switch, "Probar conexión" and Guardar. */
export function SyncSettingsForm({ settings, onSaved }: { settings: SyncSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [endpoint, setEndpoint] = useState(settings.endpoint ?? '');
  const [key, setKey] = useState('');
  const [enabled, setEnabled] = useState(settings.enabled);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [connected, setConnected] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const typedKey = key.trim() === '' ? undefined : key.trim();

  /** Every field's problem at once, before asking the host: an address is needed to test or to turn sync on, a key too. */
  const check = (needAll: boolean): FieldErrors => {
    const found: FieldErrors = {};
    if (endpoint.trim() === '') {
      if (needAll) found.endpoint = t('sync.endpointRequired');
    } else if (!endpointLooksValid(endpoint)) found.endpoint = t('sync.endpointInvalid');
    if (needAll && !typedKey && !settings.keySet) found.key = t('sync.keyRequired');
    return found;
  };

  const showErrors = (found: FieldErrors): boolean => {
    setFieldErrors(found);
    setBanner(undefined);
    const first = (['endpoint', 'key'] as const).find((f) => found[f]);
    if (first) document.getElementById(`settings-sync-${first}`)?.focus();
    return first !== undefined;
  };

  const showApiError = (error: ApiError, field: SyncField | null) => {
    if (field) {
      setFieldErrors({ [field]: errorText(error) });
      setBanner(undefined);
    } else {
      setFieldErrors({});
      setBanner(error);
    }
  };

  const test = async () => {
    setConnected(null);
    if (showErrors(check(true))) return;
    setBusy('test');
    const r = await call('sync.test', { endpoint, ...(typedKey ? { key: typedKey } : {}) });
    setBusy(null);
    if (!r.ok) return showApiError(r.error, testFieldOf(r.error));
    showErrors({});
    setConnected(r.value.centreName);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (showErrors(check(enabled))) return;
    setBusy('save');
    const r = await call('sync.configure', { endpoint: endpoint.trim() === '' ? null : endpoint, ...(typedKey ? { key: typedKey } : {}), enabled });
    setBusy(null);
    if (!r.ok) {
      const field = r.error.field === 'endpoint' || r.error.field === 'key' ? r.error.field : null;
      return showApiError(r.error, field);
    }
    showErrors({});
    setKey('');
    toast(t('sync.saved'));
    onSaved();
  };

  const edited = (field: SyncField) => {
    setConnected(null);
    if (fieldErrors[field]) setFieldErrors(({ [field]: _gone, ...rest }) => rest);
  };

  return (
    <form noValidate className="stack sync-form" onSubmit={(e) => void save(e)}>
      <Field id="settings-sync-endpoint" label={t('sync.endpoint')} hint={t('sync.endpointHint')} error={fieldErrors.endpoint}>
        {(aria) => (
          <input
            {...aria}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            placeholder={t('sync.endpointPlaceholder')}
            value={endpoint}
            onChange={(e) => {
              setEndpoint(e.target.value);
              edited('endpoint');
            }}
          />
        )}
      </Field>
      <Field id="settings-sync-key" label={t('sync.key')} hint={settings.keySet ? t('sync.keySetHint') : t('sync.keyHint')} error={fieldErrors.key}>
        {(aria) => (
          <input
            {...aria}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            maxLength={200}
            placeholder={settings.keySet ? t('sync.keySetPlaceholder') : t('sync.keyPlaceholder')}
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              edited('key');
            }}
          />
        )}
      </Field>
      <label className="checkbox sync-switch">
        <input type="checkbox" role="switch" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('sync.enabled')}
      </label>
      <ErrorBanner error={banner} onClose={() => setBanner(undefined)} />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void test()}>
          {busy === 'test' ? t('sync.testing') : t('sync.test')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === 'save' ? t('app.saving') : t('sync.save')}
        </button>
        <span role="status" className="sync-connected">
          {connected !== null && t('sync.connected', { centre: connected })}
        </span>
      </div>
    </form>
  );
}
