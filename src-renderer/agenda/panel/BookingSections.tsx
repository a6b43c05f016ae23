import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import type { Booking, DeskNotification, Occurrence, OccurrenceDetail } from '../../../src-shared/domain/agenda';
import { call } from '../../api/client';
import { useToast } from '../../app/toasts';
import { CreditStateBadge } from '../../checkout/CreditStateBadge';
import { RedeemCreditButton } from '../../checkout/RedeemCreditButton';
import { ErrorBanner } from '../../components/bits';
import { href } from '../../lib/router';
import { ProvisionalBadge } from '../../sync/ProvisionalBadge';
import { PhoneWithWhatsApp } from '../ContactButtons';
import { AttendanceButtons, StatusBadge } from './AttendanceButtons';
import { OfferPlaceButton, OfferedAgo } from './OfferPlaceButton';
import { LastVisitNote } from '../../notes/LastVisitNote';
import { VisitNoteButton, visitHeld } from '../../notes/VisitNotes';

interface BookingSectionsProps {
  detail: OccurrenceDetail;
  /** Shown after a cancellation freed a place: who was told. */
  onFreed: (notified: DeskNotification[]) => void;
  /** The centre's check-in window before the start has opened. */
  canCheckIn: boolean;
}

/**
 * Bookings with check-in and cancel, the waitlist in order, and the cancelled ones; each with what it
 * did with its pass credit, "Canjear" on a credit still pending and "Cobrar" to charge it at the Caja.
 */
export function BookingSections({ detail, onFreed, canCheckIn }: BookingSectionsProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [error, setError] = useState<ApiError | undefined>();
  const { occurrence, bookings, waitlist, cancelled } = detail;
  const free = occurrence.places === null || occurrence.bookedCount < occurrence.places;

  const cancel = async (b: Booking) => {
    const r = await call('sessions.cancelBooking', { bookingId: b.id });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    toast(t('occurrence.cancelled', { name: b.clientName }));
    if (r.value.notified.length > 0) onFreed(r.value.notified);
  };
  const complete = async (b: Booking) => {
    const r = await call('sessions.completeBooking', { bookingId: b.id });
    setError(r.ok ? undefined : r.error);
    if (r.ok) toast(t('notifications.completed', { name: b.clientName }));
  };

  return (
    <>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <section className="panel-block" aria-labelledby="occ-bookings">
        <h3 id="occ-bookings">{t('occurrence.bookingsCount', { count: bookings.length })}</h3>
        {bookings.length === 0 && <p className="muted">{t('occurrence.noBookings')}</p>}
        <ul className="booking-list" aria-label={t('occurrence.bookings')}>
          {bookings.map((b) => (
            <li key={b.id} className="booking-row" aria-label={b.clientName}>
              <ClientCell booking={b} occurrence={occurrence} />
              <StatusBadge status={b.status} />
              <CreditStateBadge state={b.creditState} />
              <span className="booking-actions">
                {b.creditState === 'pending' && b.status !== 'no_show' && (
                  <RedeemCreditButton target={{ kind: 'booking', id: b.id }} clientName={b.clientName} onError={setError} />
                )}
                {canCheckIn && <AttendanceButtons booking={b} onError={setError} />}
                {visitHeld(b.status, occurrence.startsAt, Date.now()) && <VisitNoteButton visit={{ bookingId: b.id }} clientId={b.clientId} label={t('notes.addVisitNoteOf', { name: b.clientName })} />}
                {b.status === 'booked' && (
                  <button type="button" className="button button-small button-danger-outline" aria-label={t('occurrence.cancelBookingFor', { name: b.clientName })} onClick={() => void cancel(b)}>
                    {t('occurrence.cancelBooking')}
                  </button>
                )}
                {b.status !== 'no_show' && b.creditState !== 'redeemed' && (
                  <a
                    className="button button-small"
                    href={href({ page: 'checkout', clientId: b.clientId, bookingId: b.id })}
                    aria-label={t('checkout.chargeBookingFor', { name: b.clientName })}
                  >
                    {t('checkout.chargeAppointment')}
                  </a>
                )}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {waitlist.length > 0 && (
        <section className="panel-block" aria-labelledby="occ-waitlist">
          <h3 id="occ-waitlist">{t('occurrence.waitlistCount', { count: waitlist.length })}</h3>
          <ol className="booking-list" aria-label={t('occurrence.waitlist')}>
            {waitlist.map((b) => (
              <li key={b.id} className="booking-row" aria-label={b.clientName}>
                <span className="waitlist-position">{t('occurrence.position', { position: b.waitlistPosition ?? '?' })}</span>
                <ClientCell booking={b} occurrence={occurrence} waiting />
                <CreditStateBadge state={b.creditState} />
                <OfferedAgo booking={b} />
                <span className="booking-actions">
                  <OfferPlaceButton booking={b} occurrence={occurrence} free={free} onError={setError} />
                  {free && (
                    <button type="button" className="button button-small button-primary" aria-label={t('occurrence.completeFor', { name: b.clientName })} onClick={() => void complete(b)}>
                      {t('notifications.complete')}
                    </button>
                  )}
                  <button type="button" className="button button-small" aria-label={t('occurrence.leaveWaitlistFor', { name: b.clientName })} onClick={() => void cancel(b)}>
                    {t('occurrence.leaveWaitlist')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {cancelled.length > 0 && (
        <section className="panel-block" aria-labelledby="occ-cancelled">
          <h3 id="occ-cancelled">{t('occurrence.cancelledCount', { count: cancelled.length })}</h3>
          <ul className="booking-list booking-list-cancelled" aria-label={t('occurrence.cancelledList')}>
            {cancelled.map((b) => (
              <li key={b.id} className="booking-row">
                <a className="row-link" href={href({ page: 'client', id: b.clientId })}>
                  {b.clientName}
                </a>
                <StatusBadge status={b.status} />
                <CreditStateBadge state={b.creditState} />
                {/* Tell them: the "booking cancelled" text, filled in. */}
                <PhoneWithWhatsApp
                  name={b.clientName}
                  phone={b.phone}
                  messagesAllowed={b.messagesAllowed}
                  message={{
                    kind: 'booking_cancelled',
                    values: { client: b.clientName, startsAt: occurrence.startsAt, service: occurrence.title, professional: occurrence.organizerName },
                  }}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ClientCell({ booking, occurrence, waiting = false }: { booking: Booking; occurrence: Occurrence; waiting?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="booking-client">
      <span className="booking-name">
        <a className="row-link" href={href({ page: 'client', id: booking.clientId })}>
          {booking.clientName}
        </a>
        {booking.hasNotes && (
          <span className="note-flag" title={t('occurrence.hasNotes')} aria-label={t('occurrence.hasNotes')}>
            ⚠
          </span>
        )}
        {booking.overPlaces && <span className="badge badge-warning">{t('occurrence.overPlaces')}</span>}
        <ProvisionalBadge kind="booking" id={booking.id} />
      </span>
      {!waiting && <LastVisitNote clientId={booking.clientId} before={occurrence.startsAt} />}
      <PhoneWithWhatsApp
        name={booking.clientName}
        phone={booking.phone}
        messagesAllowed={booking.messagesAllowed}
        message={{
          kind: waiting ? 'place_freed' : 'booking_confirmed',
          values: { client: booking.clientName, startsAt: occurrence.startsAt, service: occurrence.title, professional: occurrence.organizerName },
        }}
      />
    </span>
  );
}
