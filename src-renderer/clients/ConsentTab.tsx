import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { ConsentMethod, ConsentPurpose, ConsentRecord } from '../../src-shared/domain/consent';
import { consentMethods, consentPurposes } from '../../src-shared/domain/consent';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner, FieldError } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { PanelSection } from '../components/PanelSection';
import { fieldAria, TextField } from '../components/TextField';
import { formatInstantDate } from '../lib/format';
import { formatDateTime } from '../lib/time';
import { useSession } from '../sign-in/session-context';
import { useFormErrors } from '../settings/useFormErrors';
import type { CardTabProps } from './card-tabs';
import { downloadClientExport } from './client-export-download';
import '../styles/consent.css';

/** The card's "Consentimiento y privacidad": consent per purpose with its history, and "Export everything". */
export function ConsentTab({ client }: CardTabProps) {
  const { t } = useTranslation();
  const consents = useQuery('consents.list', { clientId: client.id });
  const [recording, setRecording] = useState<{ purpose: ConsentPurpose; granted: boolean } | null>(null);

  return (
    <div className="consent-tab">
      <PanelSection id="consent-purposes" title={t('consent.title')} className="card-section">
        <ErrorBanner error={consents.error} />
        <ul className="consent-purposes">
          {consentPurposes.map((purpose) => (
            <PurposeRow key={purpose} purpose={purpose} latest={consents.data?.current[purpose] ?? null} onRecord={(granted) => setRecording({ purpose, granted })} />
          ))}
        </ul>
      </PanelSection>
      <PanelSection id="consent-history" title={t('consent.history')} className="card-section">
        <ConsentHistory records={consents.data?.history} />
      </PanelSection>
      <ExportSection clientId={client.id} />
      {recording && <RecordDialog clientId={client.id} {...recording} onClose={() => setRecording(null)} />}
    </div>
  );
}

function PurposeRow({ purpose, latest, onRecord }: { purpose: ConsentPurpose; latest: ConsentRecord | null; onRecord: (granted: boolean) => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const name = t(`consent.purposes.${purpose}`);
  const state = latest
    ? t(latest.granted ? 'consent.stateGranted' : 'consent.stateWithdrawn', { date: formatInstantDate(latest.recordedAt, settings.timeZone), method: t(`consent.methods.${latest.method}`) })
    : t(purpose === 'appointment_messages' ? 'consent.stateNoneMessages' : 'consent.stateNonePromotions');
  const granted = latest?.granted ?? false;
  return (
    <li className="consent-purpose" aria-label={name}>
      <div>
        <h3>{name}</h3>
        <p className="muted small">{t(`consent.purposeHints.${purpose}`)}</p>
        <p className={latest ? (granted ? 'consent-state consent-granted' : 'consent-state consent-withdrawn') : 'consent-state'} data-testid={`consent-state-${purpose}`}>
          {state}
        </p>
      </div>
      <div className="consent-actions">
        {/* Consent can be recorded again (a new form signed); withdrawing is offered unless already withdrawn. */}
        <button type="button" className="button button-small" onClick={() => onRecord(true)}>
          {t('consent.grant')}
        </button>
        {(latest === null || granted) && (
          <button type="button" className="button button-small" onClick={() => onRecord(false)}>
            {t('consent.withdraw')}
          </button>
        )}
      </div>
    </li>
  );
}

function RecordDialog({ clientId, purpose, granted, onClose }: { clientId: string; purpose: ConsentPurpose; granted: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [method, setMethod] = useState<ConsentMethod>('in_person');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { fieldErrors, banner, show, clearBanner } = useFormErrors(['method', 'note']);
  const purposeName = t(`consent.purposes.${purpose}`).toLowerCase();

  const save = async () => {
    setBusy(true);
    const r = await call('consents.record', { clientId, purpose, granted, method, note });
    setBusy(false);
    if (!r.ok) return show(r.error);
    toast(t(granted ? 'consent.recorded' : 'consent.withdrawnToast'));
    onClose();
  };

  return (
    <Dialog title={t(granted ? 'consent.grantTitle' : 'consent.withdrawTitle', { purpose: purposeName })} confirmLabel={t(granted ? 'consent.grant' : 'consent.withdraw')} onConfirm={save} onClose={onClose} busy={busy}>
      <ErrorBanner error={banner} onClose={clearBanner} />
      <div className="field">
        <label htmlFor="consent-method">{t(granted ? 'consent.method' : 'consent.withdrawMethod')}</label>
        <select id="consent-method" value={method} onChange={(e) => setMethod(e.target.value as ConsentMethod)} {...fieldAria('consent-method', fieldErrors.method)}>
          {consentMethods.map((m) => (
            <option key={m} value={m}>
              {t(`consent.methods.${m}`)}
            </option>
          ))}
        </select>
        <FieldError id="consent-method-error" message={fieldErrors.method} />
      </div>
      <TextField id="consent-note" label={t('consent.note')} value={note} onChange={setNote} error={fieldErrors.note} maxLength={500} />
    </Dialog>
  );
}

function ConsentHistory({ records }: { records: ConsentRecord[] | undefined }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  if (!records) return null;
  if (records.length === 0) return <p className="muted">{t('consent.noHistory')}</p>;
  return (
    <table className="table consent-history" aria-label={t('consent.history')}>
      <thead>
        <tr>
          <th scope="col">{t('consent.colDate')}</th>
          <th scope="col">{t('consent.colPurpose')}</th>
          <th scope="col">{t('consent.colAction')}</th>
          <th scope="col">{t('consent.colMethod')}</th>
          <th scope="col">{t('consent.colBy')}</th>
          <th scope="col">{t('consent.colNote')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">{formatDateTime(r.recordedAt, settings.timeZone)}</td>
            <td>{t(`consent.purposes.${r.purpose}`)}</td>
            <td>{t(r.granted ? 'consent.actionGranted' : 'consent.actionWithdrawn')}</td>
            <td>{t(`consent.methods.${r.method}`)}</td>
            <td>{r.staffName ?? t('consent.nobody')}</td>
            <td>{r.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Owners and managers only (main refuses anyone else with forbidden anyway). */
function ExportSection({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<{ fileName: string; path: string } | null>(null);
  const allowed = !state.pinsOn || state.role === 'owner' || state.role === 'manager';
  if (!allowed) return null;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    const r = await downloadClientExport(clientId, i18n.language === 'en' ? 'en' : 'es');
    setBusy(false);
    if (!r.ok) setError(r.error);
    else setDone(r.value);
  };

  return (
    <PanelSection id="consent-export" title={t('consent.exportTitle')} className="card-section">
      <p className="muted small">{t('consent.exportHint')}</p>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <button type="button" className="button" onClick={() => void run()} disabled={busy}>
        {busy ? t('consent.exporting') : t('consent.exportButton')}
      </button>
      {done && (
        <p role="status" className="small">
          {t('consent.exported', { file: done.fileName })} <span className="muted">{t('consent.exportedPath', { path: done.path })}</span>
        </p>
      )}
    </PanelSection>
  );
}
