import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import type { Booking, Occurrence } from '../../../src-shared/domain/agenda';
import { call, openExternal } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useToast } from '../../app/toasts';
import { whatsappUrl } from '../../lib/format';
import { useFilledTemplate } from '../../settings/useTemplates';

interface OfferPlaceButtonProps {
  booking: Booking;
  occurrence: Occurrence;
  /** A place is free now: the offer books them at once. */
  free: boolean;
  onError: (error: ApiError | undefined) => void;
}

/**
 * "Ofrecer la plaza" to a waitlisted client: with a free place it books them in one click; without,
 * it opens WhatsApp with the "place freed" message and records that the place was offered.
 */
export function OfferPlaceButton({ booking, occurrence, free, onError }: OfferPlaceButtonProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { settings } = useSettings();
  const text = useFilledTemplate({
    kind: 'place_freed',
    values: { client: booking.clientName, startsAt: occurrence.startsAt, service: occurrence.title, professional: occurrence.organizerName, centre: settings.name },
  });
  // No consent for appointment messages: no pre-filled WhatsApp (a free place can still be given).
  const url = booking.phone && booking.messagesAllowed ? whatsappUrl(booking.phone, text) : undefined;

  const offer = async () => {
    if (free) {
      const r = await call('sessions.completeBooking', { bookingId: booking.id });
      onError(r.ok ? undefined : r.error);
      if (r.ok) toast(t('offer.booked', { name: booking.clientName }));
      return;
    }
    if (url) openExternal(url);
    const r = await call('sessions.markOffered', { bookingId: booking.id });
    onError(r.ok ? undefined : r.error);
  };

  if (!free && booking.phone && !booking.messagesAllowed) {
    return (
      <button type="button" className="button button-small" aria-label={t('offer.label', { name: booking.clientName })} title={t('whatsappConsent.noConsent')} disabled>
        {t('offer.button')}
      </button>
    );
  }
  if (!free && !url) return null;
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={t('offer.label', { name: booking.clientName })}
      data-href={free ? undefined : url}
      onClick={() => void offer()}
    >
      {t('offer.button')}
    </button>
  );
}

/** "ofrecida hace 5 minutos", kept fresh while the panel is open. */
export function OfferedAgo({ booking }: { booking: Booking }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!booking.offeredAt) return null;
  const minutes = Math.max(0, Math.round((now - Date.parse(booking.offeredAt)) / 60_000));
  const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  const ago = minutes < 60 ? format.format(-minutes, 'minute') : minutes < 48 * 60 ? format.format(-Math.round(minutes / 60), 'hour') : format.format(-Math.round(minutes / 1440), 'day');
  return (
    <span className="badge badge-muted offered-ago" title={new Date(booking.offeredAt).toLocaleString(i18n.language)}>
      {t('offer.offeredAgo', { ago })}
    </span>
  );
}
