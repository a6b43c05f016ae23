import { useTranslation } from 'react-i18next';
import type { ClientCardStats, MonthSpend, MonthVisits, ServiceUse } from '../../src-shared/domain/client-stats';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { currentLocale } from '../i18n';
import { formatDate, formatInstantDate, formatNumber } from '../lib/format';
import { formatMoney } from '../lib/money';
import { formatMonth } from '../lib/time';
import type { CardTabProps } from './card-tabs';
import { BarChart, DoughnutChart } from './StatsCharts';
import '../styles/client-stats.css';

/**
 * "Estadísticas" on the client's card: the figures first (what the desk reads at a glance), then
 * three charts, each with a sentence that says what it shows and its data as a table, so a screen
 * reader (and anyone who prefers numbers) gets the same. This module and chart.js load with the tab.
 */
export function StatsTab({ client }: CardTabProps) {
  const { t } = useTranslation();
  const stats = useQuery('clients.statistics', { clientId: client.id });
  if (stats.error) return <ErrorBanner error={stats.error} />;
  if (!stats.data) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="stats-tab">
      <StatsSummary stats={stats.data} />
      <div className="stats-charts">
        <VisitsChart months={stats.data.visitsByMonth} total={stats.data.visits} />
        <ServicesChart uses={stats.data.services} total={stats.data.visits} />
        <SpendChart months={stats.data.spendByMonth} stats={stats.data} />
      </div>
    </div>
  );
}

const monthLabel = (month: string) => formatMonth(`${month}-01`);
const percent = (share: number) => new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);

function StatsSummary({ stats }: { stats: ClientCardStats }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const money = (minor: number) => formatMoney(minor, stats.currency, currentLocale());
  const rows: [string, string][] = [
    [t('stats.clientSince'), formatDate(stats.clientSince, 'long')],
    [t('stats.lastVisit'), stats.lastVisit ? formatInstantDate(stats.lastVisit, settings.timeZone) : t('stats.none')],
    [
      t('stats.lastBooking'),
      stats.lastBooking
        ? t('stats.lastBookingText', {
            what: stats.lastBooking.title,
            when: formatInstantDate(stats.lastBooking.startsAt, settings.timeZone),
            booked: formatInstantDate(stats.lastBooking.bookedAt, settings.timeZone),
          })
        : t('stats.none'),
    ],
    [t('stats.visits'), formatNumber(stats.visits)],
    [
      t('stats.frequency'),
      stats.medianDaysBetweenVisits === null ? t('stats.frequencyNone') : t('stats.frequencyText', { days: new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 }).format(stats.medianDaysBetweenVisits) }),
    ],
    [t('stats.averageSpend'), stats.averageSpendMinor === null ? t('stats.none') : t('stats.averageSpendText', { amount: money(stats.averageSpendMinor), count: stats.salesCount })],
    [t('stats.totalSpend'), money(stats.totalSpendMinor)],
    [t('stats.noShows'), formatNumber(stats.noShows)],
    [t('stats.lateCancellations'), t('stats.lateCancellationsText', { late: stats.lateCancellations, all: stats.cancellations, hours: stats.cancelWindowHours })],
  ];
  return (
    <section className="panel stats-summary" aria-labelledby="stats-summary-title">
      <h2 id="stats-summary-title">{t('stats.summary')}</h2>
      <dl className="stats-figures">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Every month from the first to the last with visits, the empty ones as 0: gaps show as gaps. */
function filledMonths<T extends { month: string }>(rows: readonly T[], empty: (month: string) => T): T[] {
  if (rows.length === 0) return [];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const out: T[] = [];
  let [y, m] = rows[0]!.month.split('-').map(Number) as [number, number];
  const last = rows.at(-1)!.month;
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(byMonth.get(month) ?? empty(month));
    if (month >= last) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

function ChartPanel({ id, title, summary, children, table }: { id: string; title: string; summary: string; children?: React.ReactNode; table?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="panel stats-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="stats-chart-summary" id={`${id}-summary`}>
        {summary}
      </p>
      {children}
      {table && (
        <details className="stats-data">
          <summary>{t('stats.showData')}</summary>
          {table}
        </details>
      )}
    </section>
  );
}

function VisitsChart({ months, total }: { months: MonthVisits[]; total: number }) {
  const { t } = useTranslation();
  if (months.length === 0) return <ChartPanel id="stats-visits" title={t('stats.visitsTitle')} summary={t('stats.visitsEmpty')} />;
  const best = months.reduce((a, b) => (b.visits > a.visits ? b : a));
  const summary = t('stats.visitsSummary', {
    count: total,
    from: monthLabel(months[0]!.month),
    to: monthLabel(months.at(-1)!.month),
    best: monthLabel(best.month),
    bestCount: best.visits,
  });
  const filled = filledMonths(months, (month) => ({ month, visits: 0 }));
  return (
    <ChartPanel
      id="stats-visits"
      title={t('stats.visitsTitle')}
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('stats.month')}</th>
              <th scope="col">{t('stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{formatNumber(m.visits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart label={summary} labels={filled.map((m) => monthLabel(m.month))} values={filled.map((m) => m.visits)} series={t('stats.visits')} format={formatNumber} />
    </ChartPanel>
  );
}

function ServicesChart({ uses, total }: { uses: ServiceUse[]; total: number }) {
  const { t } = useTranslation();
  if (uses.length === 0) return <ChartPanel id="stats-services" title={t('stats.servicesTitle')} summary={t('stats.servicesEmpty')} />;
  const nameOf = (u: ServiceUse) => u.name || t('stats.noSessionType');
  const top = uses[0]!;
  const summary = t('stats.servicesSummary', { name: nameOf(top), count: top.visits, total, share: percent(top.share) });
  return (
    <ChartPanel
      id="stats-services"
      title={t('stats.servicesTitle')}
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('stats.service')}</th>
              <th scope="col">{t('stats.count')}</th>
              <th scope="col">{t('stats.share')}</th>
            </tr>
          </thead>
          <tbody>
            {uses.map((u) => (
              <tr key={`${u.kind}-${u.id ?? ''}`}>
                <th scope="row">
                  {nameOf(u)} <span className="muted">({t(u.kind === 'service' ? 'stats.kindService' : 'stats.kindSessionType')})</span>
                </th>
                <td>{formatNumber(u.visits)}</td>
                <td>{percent(u.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <DoughnutChart label={summary} labels={uses.map(nameOf)} values={uses.map((u) => u.visits)} />
    </ChartPanel>
  );
}

function SpendChart({ months, stats }: { months: MonthSpend[]; stats: ClientCardStats }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, stats.currency, currentLocale());
  if (months.length === 0) return <ChartPanel id="stats-spend" title={t('stats.spendTitle')} summary={t('stats.spendEmpty')} />;
  const best = months.reduce((a, b) => (b.totalMinor > a.totalMinor ? b : a));
  const summary = t('stats.spendSummary', { total: money(stats.totalSpendMinor), count: stats.salesCount, best: monthLabel(best.month), bestAmount: money(best.totalMinor) });
  const filled = filledMonths(months, (month) => ({ month, sales: 0, totalMinor: 0 }));
  return (
    <ChartPanel
      id="stats-spend"
      title={t('stats.spendTitle')}
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('stats.month')}</th>
              <th scope="col">{t('stats.sales')}</th>
              <th scope="col">{t('stats.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{formatNumber(m.sales)}</td>
                <td>{money(m.totalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart label={summary} labels={filled.map((m) => monthLabel(m.month))} values={filled.map((m) => m.totalMinor)} series={t('stats.amount')} format={money} />
    </ChartPanel>
  );
}
