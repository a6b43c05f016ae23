import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { SubmitRun } from '../../src-shared/domain/verifactu';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { formatDateTime, formatTime } from '../lib/time';
import { RejectionsList } from './RejectionsList';
import { useFiscalStatus } from './useFiscalStatus';
import { VerifactuEndpointForm } from './VerifactuEndpointForm';
import '../styles/verifactu.css';

/**
 * Ajustes › VERI*FACTU: where this desk submits its billing records (the AEAT's service or a local
 * test server), with which certificate, on/off, "Enviar ahora", how many wait and the agency's
 * rejections with their reason. The settings are for owners and managers; the front desk sees the queue.
 */
export function VerifactuSection() {
  const { t } = useTranslation();
  const { timeZone } = useSettings().settings;
  const endpoint = useQuery('fiscal.endpoint.get', {});
  const status = useFiscalStatus();
  const [submitting, setSubmitting] = useState(false);
  const [run, setRun] = useState<SubmitRun | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const forbidden = endpoint.error?.code === 'forbidden';
  const s = status.data;

  const submitNow = async () => {
    setSubmitting(true);
    setRun(null);
    const r = await call('fiscal.submitNow', {});
    setSubmitting(false);
    setError(r.ok ? undefined : r.error);
    if (r.ok) setRun(r.value.run);
    status.reload();
  };

  const runText = (r: SubmitRun): string => {
    const when = r.notBefore ? formatTime(r.notBefore, timeZone) : '';
    if (r.outcome === 'sent') return t('verifactu.run.sent', { count: r.answered });
    return t(`verifactu.run.${r.outcome}`, { when });
  };

  return (
    <PanelSection id="settings-verifactu" title={t('verifactu.title')} className="settings-section verifactu-section">
      <p className="hint">{t('verifactu.hint')}</p>
      {forbidden ? <p className="muted">{t('verifactu.managersOnly')}</p> : <ErrorBanner error={endpoint.error} />}
      {endpoint.data && (
        <VerifactuEndpointForm
          key={`${endpoint.data.url} ${endpoint.data.certificateFile ?? ''} ${String(endpoint.data.enabled)}`}
          endpoint={endpoint.data}
          onSaved={() => {
            endpoint.reload();
            status.reload();
          }}
        />
      )}
      {s && (
        <div className="verifactu-queue">
          <p role="status" className="verifactu-waiting">
            {s.waiting > 0 ? t('verifactu.waiting', { count: s.waiting }) : t('verifactu.waitingNone')}
          </p>
          {!s.enabled && s.waiting > 0 && <p className="small">{t('verifactu.off')}</p>}
          {s.retry?.reason && (
            <p className="verifactu-retry">
              {t('verifactu.retry', { attempts: s.retry.attempts, reason: s.retry.reason })}
              {s.retry.nextAttemptAt && ` ${t('verifactu.nextAttempt', { when: formatDateTime(s.retry.nextAttemptAt, timeZone) })}`}
            </p>
          )}
          <p className="small">
            {s.lastSubmission ? t('verifactu.lastSubmission', { when: formatDateTime(s.lastSubmission.at, timeZone), csv: s.lastSubmission.csv ?? '—' }) : t('verifactu.neverSubmitted')}
          </p>
          {!forbidden && (
            <div className="form-actions">
              <button type="button" className="button" disabled={submitting} onClick={() => void submitNow()}>
                {submitting ? t('verifactu.submitting') : t('verifactu.submitNow')}
              </button>
              <span role="status" className="verifactu-run">
                {run && runText(run)}
              </span>
            </div>
          )}
          <ErrorBanner error={error} onClose={() => setError(undefined)} />
          <h3 className="verifactu-subtitle">{t('verifactu.rejections')}</h3>
          <RejectionsList rejections={s.rejections} />
        </div>
      )}
    </PanelSection>
  );
}
