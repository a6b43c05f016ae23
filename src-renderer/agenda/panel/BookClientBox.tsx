import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import type { Occurrence } from '../../../src-shared/domain/agenda';
import { call, useQuery } from '../../api/client';
import { BlacklistBadge, ErrorBanner } from '../../components/bits';
import { formatPhone, fullName } from '../../lib/format';

/** "Reservar cliente": find a client and book them; a full session puts them on the waitlist (said so). */
export function BookClientBox({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [overPlaces, setOverPlaces] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [message, setMessage] = useState('');
  const results = useQuery('clients.search', query ? { query, limit: 6 } : null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 150);
    return () => window.clearTimeout(timer);
  }, [text]);

  const book = async (clientId: string, name: string) => {
    const r = await call('sessions.book', { occurrenceId: occurrence.id, clientId, overPlaces: overPlaces || undefined, source: 'desk' });
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
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {query && results.data && (
        <ul className="book-results" aria-label={t('occurrence.bookResults')}>
          {results.data.items.map((c) => {
            const name = fullName(c);
            return (
              <li key={c.id} className="book-result">
                <span className="book-result-name">
                  <strong>{name}</strong>
                  {c.blacklisted && <BlacklistBadge />}
                  <span className="muted small">{formatPhone(c.phone)}</span>
                </span>
                <button type="button" className="button button-small button-primary" aria-label={t('occurrence.bookFor', { name })} onClick={() => void book(c.id, name)}>
                  {t('occurrence.bookButton')}
                </button>
              </li>
            );
          })}
        </ul>
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
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {message && (
        <p className="banner banner-info" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
