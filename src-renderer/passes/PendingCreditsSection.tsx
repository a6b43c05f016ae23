import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { PendingCredit } from '../../src-shared/domain/passes';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { formatDateTime } from '../lib/time';

/** "Créditos pendientes": bookings staff made for the client that still lack their credit (seed 001 §5), each with "Canjear". */
export function PendingCreditsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const pending = useQuery('passes.pending', { clientId });
  const passes = useQuery('passes.ofClient', { clientId });
  const [error, setError] = useState<ApiError | undefined>();
  const passName = (id: string) => passes.data?.find((p) => p.id === id)?.name ?? '';

  return (
    <PanelSection id="section-pending-credits" title={t('passes.pending.title')} className="card-section">
      <ErrorBanner error={pending.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
      {pending.data && pending.data.length === 0 && <p className="muted">{t('passes.pending.none')}</p>}
      {pending.data && pending.data.length > 0 && (
        <ul className="settings-list" aria-label={t('passes.pending.title')}>
          {pending.data.map((p) => (
            <PendingRow key={`${p.kind}-${p.id}`} pending={p} passName={passName} onError={setError} />
          ))}
        </ul>
      )}
    </PanelSection>
  );
}

interface PendingRowProps {
  pending: PendingCredit;
  passName: (id: string) => string;
  onError: (error: ApiError | undefined) => void;
}

function PendingRow({ pending: p, passName, onError }: PendingRowProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const [passId, setPassId] = useState(p.usablePassIds[0] ?? '');
  const [busy, setBusy] = useState(false);
  const when = formatDateTime(p.startsAt, settings.timeZone);

  const redeem = async () => {
    setBusy(true);
    const r = await call('passes.redeem', { target: { kind: p.kind, id: p.id }, ...(passId ? { passId } : {}) });
    setBusy(false);
    onError(r.ok ? undefined : r.error);
    if (r.ok) toast(t('passes.pending.redeemed', { what: p.what, name: r.value.name, balance: r.value.balance }));
  };

  return (
    <li className="settings-row pending-row">
      <span className="settings-row-main">
        <strong>{p.what}</strong>
        <span className="small muted">
          {p.kind === 'booking' ? t('passes.pending.kindBooking') : t('passes.pending.kindAppointment')} · {when}
        </span>
        {p.usablePassIds.length === 0 && <span className="small field-warning-text">{t('passes.pending.noPass')}</span>}
      </span>
      <span className="row-actions">
        {p.usablePassIds.length > 1 && (
          <select className="control" aria-label={t('passes.pending.which', { what: p.what })} value={passId} onChange={(e) => setPassId(e.target.value)}>
            {p.usablePassIds.map((id) => (
              <option key={id} value={id}>
                {passName(id)}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy}
          aria-label={t('passes.pending.redeemFor', { what: p.what, when })}
          onClick={() => void redeem()}
        >
          {t('passes.pending.redeem')}
        </button>
      </span>
    </li>
  );
}
