import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import type { Occurrence } from '../../../src-shared/domain/agenda';
import { call } from '../../api/client';
import { ErrorBanner, FieldError, useErrorText } from '../../components/bits';
import { ClientSearchResults } from '../../components/ClientSearchResults';

/**
 * "Reservar cliente": find a client and book them; a full session puts them on the waitlist (said so).
 * A session redeemable with passes spends a credit of the client's pass at once ("Canjear bono", on by
 * default), or leaves it pending for the desk to redeem later; a refusal (no valid pass, blacklisted)
 * is shown beside the search field.
 */
export function BookClientBox({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [text, setText] = useState('');
  const [overPlaces, setOverPlaces] = useState(false);
  const [redeem, setRedeem] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const [message, setMessage] = useState('');
  const errorText = useErrorText();
  const redeemable = occurrence.redeemableWithPasses;

  const book = async (clientId: string, name: string) => {
    const r = await call('sessions.book', {
      occurrenceId: occurrence.id,
      clientId,
      overPlaces: overPlaces || undefined,
      source: 'desk',
      ...(redeemable ? { redeemPass: redeem } : {}),
    });
    if (!r.ok) {
      setMessage('');
      setError(r.error);
      return;
    }
    setError(undefined);
    setText('');
    setOverPlaces(false);
    setMessage(
      r.value.status === 'waitlisted' ? t('occurrence.bookedWaitlist', { name, position: r.value.waitlistPosition ?? '?' }) : t('occurrence.booked', { name }),
    );
  };

  const full = occurrence.places !== null && occurrence.bookedCount >= occurrence.places;
  // The client's refusals (blacklisted, no valid pass) belong beside the search field; the rest in a banner.
  const clientError = error?.field === 'clientId' || error?.field === 'redeemPass' ? errorText(error) : undefined;
  const errorId = `${searchId}-error`;
  return (
    <section className="book-box" aria-labelledby={`${searchId}-title`}>
      <h3 id={`${searchId}-title`}>{t('occurrence.book')}</h3>
      <div className="field">
        <label htmlFor={searchId} className="visually-hidden">
          {t('occurrence.bookSearch')}
        </label>
        <input
          id={searchId}
          type="search"
          aria-label={t('occurrence.bookSearch')}
          placeholder={t('occurrence.bookSearchPlaceholder')}
          value={text}
          autoComplete="off"
          aria-invalid={clientError ? true : undefined}
          aria-describedby={clientError ? errorId : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <FieldError id={errorId} message={clientError} />
        {clientError && error?.code === 'no_valid_pass' && redeem && <p className="hint">{t('checkout.bookNoPassHint')}</p>}
      </div>
      {redeemable && (
        <div className="book-credit">
          <label className="checkbox">
            <input type="checkbox" checked={redeem} aria-describedby={`${searchId}-redeem`} onChange={(e) => setRedeem(e.target.checked)} />
            {t('checkout.bookRedeem')}
          </label>
          <p id={`${searchId}-redeem`} className="hint">
            {t('checkout.bookRedeemHint')}
          </p>
        </div>
      )}
      <ClientSearchResults
        text={text}
        label={t('occurrence.bookResults')}
        searchInputId={searchId}
        actionText={t('occurrence.bookButton')}
        actionLabel={(name) => t('occurrence.bookFor', { name })}
        onAction={(c, name) => void book(c.id, name)}
      />
      {(full || overPlaces) && (
        <label className="checkbox">
          <input type="checkbox" checked={overPlaces} onChange={(e) => setOverPlaces(e.target.checked)} aria-describedby={`${searchId}-override`} />
          {t('occurrence.override')}
        </label>
      )}
      {(full || overPlaces) && (
        <p id={`${searchId}-override`} className="hint">
          {t('occurrence.overrideHint')}
        </p>
      )}
      <ErrorBanner error={clientError ? undefined : error} onClose={() => setError(undefined)} />
      {message && (
        <p className="banner banner-info" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
