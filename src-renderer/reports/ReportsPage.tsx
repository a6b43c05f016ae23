import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../src-shared/api/result';
import type { ApiError } from '../../src-shared/api/result';
import type { ExportFile, SalesReport, SalesReportTable } from '../../src-shared/domain/reports';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { DateField } from '../components/DateField';
import { ErrorBanner, PageHeader } from '../components/bits';
import { formatLongDate, startOfMonth, todayIn } from '../lib/time';
import { useSession } from '../sign-in/session-context';
import { useTillFormat } from '../till/till-format';
import { saveCsv } from './download';
import '../styles/till.css';

/** Informes: the sales of a range of business days in four tables and the taxes, each exportable as CSV. */
export function ReportsPage() {
  const { t } = useTranslation();
  const id = useId();
  const { settings } = useSettings();
  const { state } = useSession();
  const today = todayIn(settings.timeZone);
  const [from, setFrom] = useState(startOfMonth(today));
  const [to, setTo] = useState(today);
  const allowed = !state.pinsOn || state.role === 'owner' || state.role === 'manager';
  const report = useQuery('reports.sales', allowed && from && to ? { from, to } : null);
  const [error, setError] = useState<ApiError | undefined>();

  return (
    <section className="page reports-page">
      <PageHeader title={t('reports.title')} />
      {!allowed ? (
        <p>{t('reports.managersOnly')}</p>
      ) : (
        <>
          <p className="hint">{t('reports.hint')}</p>
          <div className="reports-range">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('reports.from')}</label>
              <DateField id={`${id}-from`} value={from} onChange={setFrom} required />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('reports.to')}</label>
              <DateField id={`${id}-to`} value={to} onChange={setTo} required />
            </div>
          </div>
          <ErrorBanner error={report.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
          {report.data && <Tables report={report.data} onError={setError} />}
          {(settings.country === 'CL' || settings.country === 'MX') && <FiscalExports country={settings.country} from={from} to={to} onError={setError} />}
        </>
      )}
    </section>
  );
}

function useExport(onError: (e: ApiError) => void) {
  const toast = useToast();
  const { t } = useTranslation();
  return async (run: () => Promise<ApiResult<ExportFile>>) => {
    const r = await run();
    if (!r.ok) return onError(r.error);
    saveCsv(r.value);
    toast(t('reports.exported', { fileName: r.value.fileName }));
  };
}

function Section({ title, table, report, onError, children }: { title: string; table: SalesReportTable; report: SalesReport; onError: (e: ApiError) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useExport(onError);
  return (
    <section aria-labelledby={id} data-table={table}>
      <div className="till-actions">
        <h2 id={id}>{title}</h2>
        <button type="button" className="button" aria-label={`${t('reports.exportCsv')}: ${title}`} onClick={() => void save(() => call('reports.salesCsv', { from: report.from, to: report.to, table }))}>
          {t('reports.exportCsv')}
        </button>
      </div>
      {children}
    </section>
  );
}

function Tables({ report, onError }: { report: SalesReport; onError: (e: ApiError) => void }) {
  const { t } = useTranslation();
  const f = useTillFormat();
  const rate = (bp: number) => `${(bp / 100).toLocaleString()} %`;
  if (report.byDay.length === 0) return <p>{t('reports.empty')}</p>;
  const head = (...cols: [string, boolean?][]) => (
    <thead>
      <tr>
        {cols.map(([label, num]) => (
          <th key={label} scope="col" className={num ? 'num' : undefined}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <>
      <p data-testid="reports-totals">{t('reports.totals', { sales: report.totals.salesCount, voids: report.totals.voidsCount, total: f.money(report.totals.totalMinor) })}</p>
      <Section title={t('reports.byDay')} table="days" report={report} onError={onError}>
        <table className="data-table">
          {head([t('reports.day')], [t('reports.salesCount'), true], [t('reports.voidsCount'), true], [t('reports.total'), true], [t('reports.tax'), true])}
          <tbody>
            {report.byDay.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatLongDate(d.date)}</th>
                <td className="num">{d.salesCount}</td>
                <td className="num">{d.voidsCount}</td>
                <td className="num">{f.money(d.totalMinor)}</td>
                <td className="num">{f.money(d.taxMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('reports.byProfessional')} table="professionals" report={report} onError={onError}>
        <table className="data-table">
          {head([t('reports.professional')], [t('reports.lines'), true], [t('reports.quantity'), true], [t('reports.total'), true])}
          <tbody>
            {report.byProfessional.map((p) => (
              <tr key={p.staffId ?? ''}>
                <th scope="row">{p.name ?? t('reports.unassigned')}</th>
                <td className="num">{p.lines}</td>
                <td className="num">{p.quantity}</td>
                <td className="num">{f.money(p.totalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('reports.byItem')} table="items" report={report} onError={onError}>
        <table className="data-table">
          {head([t('reports.item')], [t('reports.kind')], [t('reports.quantity'), true], [t('reports.total'), true])}
          <tbody>
            {report.byItem.map((i) => (
              <tr key={`${i.kind}:${i.itemId}`}>
                <th scope="row">{i.description}</th>
                <td>{t(`reports.kinds.${i.kind as 'service'}`)}</td>
                <td className="num">{i.quantity}</td>
                <td className="num">{f.money(i.totalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('reports.byMethod')} table="methods" report={report} onError={onError}>
        <table className="data-table">
          {head([t('reports.method')], [t('reports.payments'), true], [t('reports.amount'), true])}
          <tbody>
            {report.byMethod.map((m) => (
              <tr key={m.method}>
                <th scope="row">{f.method(m)}</th>
                <td className="num">{m.payments}</td>
                <td className="num">{f.money(m.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('reports.taxes')} table="taxes" report={report} onError={onError}>
        <table className="data-table">
          {head([t('reports.rate')], [t('reports.base'), true], [t('reports.quota'), true], [t('reports.total'), true])}
          <tbody>
            {report.taxes.map((x) => (
              <tr key={x.rateBp}>
                <th scope="row">{rate(x.rateBp)}</th>
                <td className="num">{f.money(x.baseMinor)}</td>
                <td className="num">{f.money(x.taxMinor)}</td>
                <td className="num">{f.money(x.baseMinor + x.taxMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}

/** Chile's boleta file of a day, Mexico's global invoice of the period: shown only to a centre there. */
function FiscalExports({ country, from, to, onError }: { country: 'CL' | 'MX'; from: string; to: string; onError: (e: ApiError) => void }) {
  const { t } = useTranslation();
  const save = useExport(onError);
  return (
    <section aria-labelledby="reports-fiscal">
      <h2 id="reports-fiscal">{t('reports.fiscal')}</h2>
      <div className="till-actions">
        {country === 'CL' ? (
          <button type="button" className="button" onClick={() => void save(() => call('exports.chileBoletas', { date: to }))}>
            {t('reports.chile')} · {formatLongDate(to)}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => void save(() => call('exports.mexicoGlobal', { from, to }))}>
              {t('reports.mexico')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                void save(async () => {
                  const r = await call('exports.mexicoGlobal', { from, to });
                  return r.ok ? { ok: true, value: r.value.invoicedFile } : r;
                })
              }
            >
              {t('reports.mexicoInvoiced')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
