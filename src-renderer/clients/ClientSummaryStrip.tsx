import { useTranslation } from 'react-i18next';
import type { Client } from '../../src-shared/domain/client';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { formatDate } from '../lib/format';
import { href } from '../lib/router';
import { formatDateTime } from '../lib/time';

/**
 * What the desk must see first on a card, under the name: the alerts (important notes such as an
 * allergy, credits to redeem, visits left unpaid), the next visit and the live pass and plan balances.
 */
export function ClientSummaryStrip({ client }: { client: Client }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const summary = useQuery('clients.cardSummary', { clientId: client.id }).data;
  const notes = client.notes?.trim();
  const next = summary?.nextVisit;
  return (
    <div className="card-summary">
      {(notes || (summary && (summary.pendingCredits > 0 || summary.unpaidVisits > 0))) && (
        <ul className="card-alerts" aria-label={t('cardSummary.alerts')}>
          {notes && (
            <li className="card-alert card-alert-notes" title={notes}>
              <span aria-hidden="true">⚠ </span>
              {t('cardSummary.importantNotes', { notes })}
            </li>
          )}
          {summary && summary.pendingCredits > 0 && (
            <li className="card-alert">
              <a href={href({ page: 'client', id: client.id, tab: 'bonos' })}>{t('cardSummary.pendingCredits', { count: summary.pendingCredits })}</a>
            </li>
          )}
          {summary && summary.unpaidVisits > 0 && (
            <li className="card-alert">
              <a href={href({ page: 'checkout', clientId: client.id })}>{t('cardSummary.unpaid', { count: summary.unpaidVisits })}</a>
            </li>
          )}
        </ul>
      )}
      {summary && (
        <dl className="card-summary-facts">
          <div>
            <dt>{t('cardSummary.nextVisit')}</dt>
            <dd>{next ? t('cardSummary.nextVisitText', { when: formatDateTime(next.startsAt, settings.timeZone), what: next.what, professional: next.professional }) : t('cardSummary.noNextVisit')}</dd>
          </div>
          <div>
            <dt>{t('cardSummary.balances')}</dt>
            <dd>
              {summary.balances.length === 0
                ? t('cardSummary.noBalances')
                : summary.balances.map((b) => (
                    <span key={b.id} className="card-balance">
                      {t('cardSummary.balance', { name: b.name, balance: b.balance, total: b.creditsTotal, until: formatDate(b.validUntil) })}
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
