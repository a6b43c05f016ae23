import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { currentLocale } from '../i18n';
import { formatInstantDate, formatNumber } from '../lib/format';
import { formatMoney } from '../lib/money';

/** The card header's booking habits (seed 003): average spend, future bookings, last visit — from real sales and bookings. */
export function ClientHabits({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const stats = useQuery('clients.stats', { clientId });
  const s = stats.data;
  if (!s) return null;
  const items = [
    {
      key: 'spend',
      label: t('passes.habits.averageSpend'),
      value: s.averageSpendMinor === null ? t('app.none') : formatMoney(s.averageSpendMinor, settings.currency, currentLocale()),
      note: s.salesCount > 0 ? t('passes.habits.sales', { count: s.salesCount }) : null,
    },
    { key: 'future', label: t('passes.habits.futureBookings'), value: formatNumber(s.futureBookings), note: null },
    { key: 'last', label: t('passes.habits.lastVisit'), value: s.lastVisit ? formatInstantDate(s.lastVisit, settings.timeZone) : t('passes.habits.never'), note: null },
  ];
  return (
    <div className="card-habits" role="group" aria-label={t('passes.habits.title')}>
      <dl>
        {items.map((i) => (
          <div key={i.key} className="card-habit">
            <dt>{i.label}</dt>
            <dd>
              {i.value}
              {i.note && <span className="small muted"> ({i.note})</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
