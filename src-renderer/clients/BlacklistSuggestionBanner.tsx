import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Client } from '../../src-shared/domain/client';
import { useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { IncidentList, SuggestionActions, SuggestionReasons } from './BlacklistEvidence';
import '../styles/client-stats.css';

/**
 * On the client's card: past the centre's thresholds, a suggestion to blacklist with the evidence
 * and the desk's two choices. Nothing shows for a client already blacklisted or under them.
 */
export function BlacklistSuggestionBanner({ client }: { client: Client }) {
  const { t } = useTranslation();
  const suggestion = useQuery('blacklistSuggestions.forClient', client.blacklisted ? null : { clientId: client.id });
  const rules = useQuery('blacklistRules.get', {});
  const [error, setError] = useState<ApiError | undefined>();
  if (!suggestion.data) return null;
  const titleId = `blacklist-suggestion-${client.id}`;
  return (
    <section className="blacklist-suggestion" role="region" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('blacklistSuggestion.title')}</h2>
      <SuggestionReasons suggestion={suggestion.data} rules={rules.data} />
      <h3 id={`${titleId}-evidence`}>{t('blacklistSuggestion.evidence')}</h3>
      <IncidentList suggestion={suggestion.data} labelledBy={`${titleId}-evidence`} />
      <p className="hint">{t('blacklistSuggestion.decide')}</p>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <SuggestionActions suggestion={suggestion.data} client={client} onError={setError} />
    </section>
  );
}
