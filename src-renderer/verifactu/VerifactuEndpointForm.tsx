import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { FiscalEndpoint } from '../../src-shared/domain/verifactu';
import { Field } from '../agenda/form/Field';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';

type EndpointField = 'url' | 'certificateFile';
type FieldErrors = Partial<Record<EndpointField, string>>;

const aeat = {
  test: 'https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP',
  production: 'https://www1.agenciatributaria.gob.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP',
};

/** The rule main applies (https, or http to 127.0.0.1), checked before asking it. */
function urlLooksValid(raw: string): boolean {
  try {
    const url = new URL(raw.trim());
    if (url.username || url.password) return false;
    return (url.protocol === 'https:' && url.hostname !== '') || (url.protocol === 'http:' && url.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

/** The service's address (with the AEAT's two as shortcuts), the certificate file, on/off and Guardar. */
export function VerifactuEndpointForm({ endpoint, onSaved }: { endpoint: FiscalEndpoint; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [url, setUrl] = useState(endpoint.url);
  const [certificateFile, setCertificateFile] = useState(endpoint.certificateFile ?? '');
  const [enabled, setEnabled] = useState(endpoint.enabled);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<ApiError | undefined>();

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (url.trim() === '') found.url = t('verifactu.urlRequired');
    else if (!urlLooksValid(url)) found.url = t('verifactu.urlInvalid');
    if (enabled && url.trim().startsWith('https:') && certificateFile.trim() === '') found.certificateFile = t('verifactu.certificateRequired');
    return found;
  };

  const showErrors = (found: FieldErrors): boolean => {
    setFieldErrors(found);
    setBanner(undefined);
    const first = (['url', 'certificateFile'] as const).find((f) => found[f]);
    if (first) document.getElementById(`settings-verifactu-${first}`)?.focus();
    return first !== undefined;
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || showErrors(check())) return;
    setBusy(true);
    const r = await call('fiscal.endpoint.set', { enabled, url, certificateFile: certificateFile.trim() === '' ? null : certificateFile });
    setBusy(false);
    if (!r.ok) {
      const found: FieldErrors = {};
      // Every field's refusal at once (the message is already in the desk's language).
      for (const problem of r.error.fields ?? [r.error]) {
        if (problem.field === 'url' || problem.field === 'certificateFile') found[problem.field] = problem.message;
      }
      if (Object.keys(found).length > 0) showErrors(found);
      else setBanner(r.error);
      return;
    }
    showErrors({});
    toast(t('verifactu.saved'));
    onSaved();
  };

  const edited = (field: EndpointField) => {
    if (fieldErrors[field]) setFieldErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const preset = (address: string) => {
    setUrl(address);
    edited('url');
  };

  return (
    <form noValidate className="stack verifactu-form" onSubmit={(e) => void save(e)}>
      <Field id="settings-verifactu-url" label={t('verifactu.url')} hint={t('verifactu.urlHint')} error={fieldErrors.url}>
        {(aria) => (
          <input
            {...aria}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            placeholder="https://…"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              edited('url');
            }}
          />
        )}
      </Field>
      <p className="verifactu-presets">
        <button type="button" className="link-button" onClick={() => preset(aeat.test)}>
          {t('verifactu.urlTest')}
        </button>
        {' · '}
        <button type="button" className="link-button" onClick={() => preset(aeat.production)}>
          {t('verifactu.urlProduction')}
        </button>
      </p>
      <Field id="settings-verifactu-certificateFile" label={t('verifactu.certificate')} hint={t('verifactu.certificateHint')} error={fieldErrors.certificateFile}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={1000}
            placeholder={t('verifactu.certificatePlaceholder')}
            value={certificateFile}
            onChange={(e) => {
              setCertificateFile(e.target.value);
              edited('certificateFile');
            }}
          />
        )}
      </Field>
      {/* Only the agency's service (https) needs the certificate, and so its password. */}
      {url.trim().startsWith('https:') && (
        <p className="small">
          {t('verifactu.password')} <strong>{endpoint.passwordFromEnvironment ? t('verifactu.passwordSet') : t('verifactu.passwordMissing')}</strong>
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" role="switch" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('verifactu.enabled')}
      </label>
      <ErrorBanner error={banner} onClose={() => setBanner(undefined)} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('app.saving') : t('verifactu.save')}
        </button>
      </div>
    </form>
  );
}
