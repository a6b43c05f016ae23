import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { BlacklistRules, BlacklistSuggestion } from '../../src-shared/domain/client-stats';
import type { Client } from '../../src-shared/domain/client';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { formatDateTime } from '../lib/time';
import { BlacklistDialog } from './BlacklistDialog';

/** Why it is suggested: each threshold reached, in words. */
export function SuggestionReasons({ suggestion, rules }: { suggestion: BlacklistSuggestion; rules: BlacklistRules | undefined }) {
  const { t } = useTranslation();
  const reasons = suggestion.reasons.map((r) =>
    t('blacklistSuggestion.reason', {
      incidents: r === 'no_show' ? t('blacklistSuggestion.noShows', { count: suggestion.noShows }) : t('blacklistSuggestion.lateCancels', { count: suggestion.lateCancellations }),
      period: t('blacklistSuggestion.period', { count: (r === 'no_show' ? rules?.noShowMonths : rules?.lateCancelMonths) ?? 6 }),
    }),
  );
  return <p>{t('blacklistSuggestion.because', { reasons: reasons.join('; ') })}</p>;
}

/** The evidence: each incident with its date and what happened. */
export function IncidentList({ suggestion, labelledBy }: { suggestion: BlacklistSuggestion; labelledBy?: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <ul aria-labelledby={labelledBy}>
      {suggestion.incidents.map((i) => (
        <li key={i.id}>
          <strong>{t(i.kind === 'no_show' ? 'blacklistSuggestion.noShow' : 'blacklistSuggestion.late')}</strong>{' '}
          {t('blacklistSuggestion.incidentText', { when: formatDateTime(i.startsAt, settings.timeZone), what: i.title })}
          {i.cancelledAt && <span className="muted"> ({t('blacklistSuggestion.cancelledAt', { when: formatDateTime(i.cancelledAt, settings.timeZone) })})</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The desk's two choices: the existing blacklist dialog (with a reason), or dismiss (recorded, so
 * the same incidents do not suggest again). The client card is loaded for the dialog when needed.
 */
export function SuggestionActions({ suggestion, client, onError }: { suggestion: BlacklistSuggestion; client?: Client; onError: (e: ApiError | undefined) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [blacklisting, setBlacklisting] = useState(false);
  const loaded = useQuery('clients.get', blacklisting && !client ? { id: suggestion.clientId } : null);
  const target = client ?? loaded.data;
  const dismiss = async () => {
    const r = await call('blacklistSuggestions.dismiss', { clientId: suggestion.clientId });
    onError(r.ok ? undefined : r.error);
    if (r.ok) toast(t('blacklistSuggestion.dismissed'));
  };
  return (
    <div className="form-actions">
      <button type="button" className="button button-danger" onClick={() => setBlacklisting(true)}>
        {t('blacklistSuggestion.blacklist')}
      </button>
      <button type="button" className="button" onClick={() => void dismiss()}>
        {t('blacklistSuggestion.dismiss')}
      </button>
      {loaded.error && <ErrorBanner error={loaded.error} />}
      {blacklisting && target && <BlacklistDialog client={target} onClose={() => setBlacklisting(false)} />}
    </div>
  );
}
