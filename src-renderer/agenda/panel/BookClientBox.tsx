import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import type { BookingEligibility, Occurrence } from '../../../src-shared/domain/agenda';
import { call } from '../../api/client';
import { ErrorBanner, FieldError, useErrorText } from '../../components/bits';
import { needsOverride } from '../../components/BookingRestrictions';
import { ClientSearchResults } from '../../components/ClientSearchResults';
import { ReasonDialog } from '../../components/ReasonDialog';

/**
 * "Reservar cliente": find a client and book them; a full session puts them on the waitlist (said so).
 * A session redeemable with passes spends a credit of the client's pass at once ("Canjear bono", on by
 * default), or leaves it pending for the desk to redeem later. Each result shows beforehand what keeps
 * the client out: blacklisted (no way in), the session's tags or no valid pass (the desk may book them
 * anyway, with a reason the audit log keeps). A refusal is shown beside the search field.
 */
export function BookClientBox({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [text, setText] = useState('');
  const [overPlaces, setOverPlaces] = useState(false);
  const [redeem, setRedeem] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const [message, setMessage] = useState('');
  const [override, setOverride] = useState<{ clientId: string; name: string; eligibility: BookingEligibility } | null>(null);
  const errorText = useErrorText();
  const redeemable = occurrence.redeemableWithPasses;

  /** Books; with a reason, past the tags, or with the credit pending when there is no valid pass. */
  const book = async (clientId: string, name: string, overrideReason?: string, noPass = false) => {
    const r = await call('sessions.book', {
      occurrenceId: occurrence.id,
      clientId,
      overPlaces: overPlaces || undefined,
      source: 'desk',
      ...(redeemable ? { redeemPass: redeem && !noPass } : {}),
      ...(overrideReason ? { overrideReason } : {}),
    });
    if (!r.ok) {
      setMessage('');
      setError(r.error);
      return r;
    }
    setError(undefined);
    setText('');
    setOverPlaces(false);
    setMessage(
      r.value.status === 'waitlisted' ? t('occurrence.bookedWaitlist', { name, position: r.value.waitlistPosition ?? '?' }) : t('occurrence.booked', { name }),
    );
    return r;
  };
  const choose = (clientId: string, name: string, eligibility: BookingEligibility | undefined) => {
    if (eligibility && needsOverride(eligibility, redeemable && redeem)) setOverride({ clientId, name, eligibility });
    else void book(clientId, name);
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
        eligibilityFor={occurrence.id}
        onAction={(c, name, eligibility) => choose(c.id, name, eligibility)}
      />
      {override && (
        <ReasonDialog
          title={t('restrictions.overrideTitle', { name: override.name })}
          text={[
            override.eligibility.lacksTags ? t('restrictions.overrideTags', { name: override.name }) : '',
            redeemable && redeem && override.eligibility.pass === 'none' ? t('restrictions.overrideNoPass', { name: override.name }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          reasonLabel={t('restrictions.overrideReason')}
          reasonRequired={t('restrictions.overrideReasonRequired')}
          confirmLabel={t('restrictions.overrideConfirm')}
          maxLength={300}
          send={(reason) => book(override.clientId, override.name, reason, override.eligibility.pass === 'none')}
          done={t('occurrence.booked', { name: override.name })}
          onClose={() => setOverride(null)}
        />
      )}
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
