import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { BlacklistRules, BlacklistSuggestion } from '../../src-shared/domain/client-stats';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { formatPhone } from '../lib/format';
import { href } from '../lib/router';
import { IncidentList, SuggestionActions, SuggestionReasons } from './BlacklistEvidence';
import '../styles/client-stats.css';

/** Shown before "Ver todas": the client list below stays in sight. */
const firstShown = 5;

/** Clientes › Sugerencias de lista negra: every client past the thresholds, with the evidence. Hidden when there are none. */
export function BlacklistSuggestions() {
  const { t } = useTranslation();
  const list = useQuery('blacklistSuggestions.list', {});
  const rules = useQuery('blacklistRules.get', {});
  const [all, setAll] = useState(false);
  if (list.error) return <ErrorBanner error={list.error} />;
  if (!list.data || list.data.length === 0) return null;
  const shown = all ? list.data : list.data.slice(0, firstShown);
  return (
    <section className="panel blacklist-suggestions" aria-labelledby="blacklist-suggestions-title">
      <h2 id="blacklist-suggestions-title">
        {t('blacklistSuggestion.listTitle')} <span className="muted">({t('blacklistSuggestion.listCount', { count: list.data.length })})</span>
      </h2>
      <p className="hint">{t('blacklistSuggestion.listHint')}</p>
      <ul className="blacklist-suggestions-list">
        {shown.map((s) => (
          <SuggestionItem key={s.clientId} suggestion={s} rules={rules.data} />
        ))}
      </ul>
      {shown.length < list.data.length && (
        <button type="button" className="button button-small" onClick={() => setAll(true)}>
          {t('blacklistSuggestion.showAll', { count: list.data.length })}
        </button>
      )}
    </section>
  );
}

function SuggestionItem({ suggestion, rules }: { suggestion: BlacklistSuggestion; rules: BlacklistRules | undefined }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const titleId = `blacklist-suggestion-item-${suggestion.clientId}`;
  return (
    <li className="blacklist-suggestion" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <a href={href({ page: 'client', id: suggestion.clientId })}>{suggestion.clientName}</a>
        {suggestion.phone && <span className="muted"> · {formatPhone(suggestion.phone)}</span>}
      </h3>
      <SuggestionReasons suggestion={suggestion} rules={rules} />
      <details>
        <summary>{t('blacklistSuggestion.showEvidence')}</summary>
        <IncidentList suggestion={suggestion} />
      </details>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <SuggestionActions suggestion={suggestion} onError={setError} />
    </li>
  );
}
