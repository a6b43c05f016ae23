import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { href } from '../lib/router';
import { formatDateTime } from '../lib/time';
import { RedeemCreditButton } from './RedeemCreditButton';

/** "Créditos pendientes": bookings and appointments staff made that still lack their pass credit, soonest first. */
export function PendingCredits() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const pending = useQuery('passes.pending', {});
  const [error, setError] = useState<ApiError | undefined>();
  const items = pending.data ?? [];

  return (
    <PanelSection id="checkout-pending" title={t('checkout.pendingTitle', { count: items.length })} className="checkout-block">
      <ErrorBanner error={error ?? pending.error} onClose={error ? () => setError(undefined) : undefined} />
      {pending.data && items.length === 0 && <p className="muted">{t('checkout.pendingNone')}</p>}
      {items.length > 0 && (
        <ul className="booking-list" aria-label={t('checkout.pendingList')}>
          {items.map((p) => (
            <li key={`${p.kind}-${p.id}`} className="booking-row pending-row" aria-label={`${p.clientName}, ${p.what}`}>
              <span className="stack-tight">
                <a className="row-link" href={href({ page: 'client', id: p.clientId })}>
                  {p.clientName}
                </a>
                <span className="small muted">
                  {p.kind === 'appointment' ? t('checkout.pendingAppointment') : t('checkout.pendingBooking')} · {p.what} · {formatDateTime(p.startsAt, settings.timeZone)}
                </span>
              </span>
              {p.usablePassIds.length > 0 ? (
                <RedeemCreditButton target={{ kind: p.kind, id: p.id }} clientName={p.clientName} what={p.what} onError={setError} />
              ) : (
                <a className="button button-small" href={href({ page: 'checkout', clientId: p.clientId })} aria-label={t('checkout.sellPassTo', { name: p.clientName })}>
                  {t('checkout.sellPass')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </PanelSection>
  );
}
