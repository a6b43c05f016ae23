import { receiptNumber } from './receipt-number';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { DateField } from '../components/DateField';
import { PanelSection } from '../components/PanelSection';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { href, navigate } from '../lib/router';
import { formatTime, todayIn } from '../lib/time';

/** The day's sales (today unless another day is chosen): number, time, client, total, status; each opens its receipt. */
export function SalesList() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const dateId = useId();
  const today = todayIn(settings.timeZone);
  const [date, setDate] = useState(today);
  const sales = useQuery('sales.list', { from: date, to: date });
  const items = sales.data ?? [];
  const paidSales = items.filter((s) => s.status === 'paid');
  const paid = paidSales.reduce((sum, s) => sum + s.totalMinor, 0);
  const locale = currentLocale();

  return (
    <PanelSection id="checkout-sales" title={date === today ? t('checkout.salesToday') : t('checkout.salesOf')} className="checkout-block">
      <div className="field field-inline">
        <label htmlFor={dateId}>{t('checkout.salesDate')}</label>
        <DateField id={dateId} value={date} max={today} required onChange={(d) => d && setDate(d)} />
      </div>
      <ErrorBanner error={sales.error} />
      {sales.data && items.length === 0 && <p className="muted">{t('checkout.salesNone')}</p>}
      {items.length > 0 && (
        <table className="table sales-table" aria-label={t('checkout.salesList')}>
          <thead>
            <tr>
              <th scope="col">{t('checkout.colNumber')}</th>
              <th scope="col">{t('checkout.colTime')}</th>
              <th scope="col">{t('checkout.colClient')}</th>
              <th scope="col" className="num">
                {t('checkout.colTotal')}
              </th>
              <th scope="col">{t('checkout.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} className={`clickable-row${s.status === 'voided' ? ' sale-row-voided' : ''}`} onClick={() => navigate({ page: 'receipt', saleId: s.id })}>
                <td>
                  <a className="row-link" href={href({ page: 'receipt', saleId: s.id })} onClick={(e) => e.stopPropagation()} aria-label={t('checkout.openReceipt', { number: receiptNumber(s) })}>
                    {t('checkout.numberShort', { number: receiptNumber(s) })}
                  </a>
                </td>
                <td className="nowrap">{formatTime(s.createdAt, settings.timeZone)}</td>
                <td>{s.clientName ?? <span className="muted">{t('checkout.walkIn')}</span>}</td>
                <td className="num nowrap">{formatMoney(s.totalMinor, s.currency, locale)}</td>
                <td>
                  <span className={`badge ${s.status === 'voided' ? 'badge-danger' : 'sale-paid'}`}>{t(`checkout.status.${s.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length > 0 && <p className="small muted">{t('checkout.salesSum', { count: paidSales.length, amount: formatMoney(paid, settings.currency, locale) })}</p>}
    </PanelSection>
  );
}
