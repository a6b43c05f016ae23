import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskNotification } from '../../src-shared/domain/agenda';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { useDismiss } from '../components/useDismiss';
import { PhoneWithWhatsApp } from '../agenda/ContactButtons';
import { formatDateTime } from '../lib/time';
import type { ApiError } from '../../src-shared/api/result';

const pollMs = 15_000;

/** The open desk notifications, polled, and refreshed after every write. */
export function useNotifications() {
  const query = useQuery('notifications.list', {});
  const { reload } = query;
  useEffect(() => {
    const timer = window.setInterval(reload, pollMs);
    return () => window.clearInterval(timer);
  }, [reload]);
  return query;
}

/** The top bar's bell: how many notices are open, and a panel to act on them. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const { open, setOpen, root } = useDismiss<HTMLDivElement>();
  const panelId = useId();
  const count = notifications.data?.length ?? 0;

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell-button"
        aria-label={count ? t('notifications.bellCount', { count }) : t('notifications.bell')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <span className="bell-count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="bell-panel" aria-label={t('notifications.title')}>
          <h2>{t('notifications.title')}</h2>
          <ErrorBanner error={notifications.error} />
          {notifications.data && notifications.data.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
          <NotificationList items={notifications.data ?? []} />
        </section>
      )}
    </div>
  );
}

/** Freed places: the session, when, the waitlisted client with phone and WhatsApp, and what to do. */
export function NotificationList({ items, showSession = true }: { items: DeskNotification[]; showSession?: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toast = useToast();
  const [error, setError] = useState<ApiError | undefined>();

  const complete = async (n: DeskNotification) => {
    const r = await call('sessions.completeBooking', { bookingId: n.bookingId });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    toast(t('notifications.completed', { name: n.clientName }));
  };
  const dismiss = async (n: DeskNotification) => {
    const r = await call('notifications.dismiss', { id: n.id });
    setError(r.ok ? undefined : r.error);
  };

  if (items.length === 0) return null;
  return (
    <>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <ul className="notice-list" aria-label={t('notifications.title')}>
        {items.map((n) => (
          <li key={n.id} className="notice" aria-label={t('notifications.placeFreed', { title: n.occurrenceTitle })}>
            {showSession && (
              <p className="notice-title">
                <strong>{t('notifications.placeFreed', { title: n.occurrenceTitle })}</strong>
                <span className="muted small"> · {formatDateTime(n.startsAt, settings.timeZone)}</span>
              </p>
            )}
            <p className="notice-client">
              <strong>{n.clientName}</strong>
              {n.waitlistPosition !== null && <span className="muted small"> · {t('notifications.waitlisted', { position: n.waitlistPosition })}</span>}
            </p>
            <PhoneWithWhatsApp
              name={n.clientName}
              phone={n.phone}
              messagesAllowed={n.messagesAllowed}
              message={{ kind: 'place_freed', values: { client: n.clientName, startsAt: n.startsAt, service: n.occurrenceTitle, professional: '' } }}
            />
            <div className="notice-actions">
              <button type="button" className="button button-small button-primary" aria-label={t('notifications.completeFor', { name: n.clientName })} onClick={() => void complete(n)}>
                {t('notifications.complete')}
              </button>
              <button type="button" className="button button-small" aria-label={t('notifications.dismissFor', { name: n.clientName })} onClick={() => void dismiss(n)}>
                {t('notifications.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
