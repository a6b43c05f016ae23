import { receiptNumber } from './receipt-number';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../src-shared/domain/checkout';
import { useSettings } from '../app/settings-context';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { formatDateTime } from '../lib/time';
import { SaleTotalsList } from './SaleTotalsList';

/** The printable receipt: centre, number, date and time, client, lines with their discounts, totals, payments; ANULADA when voided. */
export function ReceiptSheet({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const money = (minor: number) => formatMoney(minor, sale.currency, currentLocale());
  const zone = settings.timeZone;
  const voided = sale.status === 'voided';

  return (
    <article className={`print-sheet receipt${voided ? ' receipt-voided' : ''}`} aria-labelledby="receipt-title">
      <header className="receipt-head">
        <p className="receipt-centre">{settings.name}</p>
        <h1 id="receipt-title">{t('checkout.receiptNumber', { number: receiptNumber(sale) })}</h1>
        <p className="receipt-meta">
          {formatDateTime(sale.createdAt, zone)}
          {sale.staffName && ` · ${t('checkout.servedBy', { name: sale.staffName })}`}
        </p>
        <p className="receipt-meta">{sale.clientName ? t('checkout.receiptClient', { name: sale.clientName }) : t('checkout.walkIn')}</p>
      </header>
      {voided && (
        <div className="receipt-void" role="note">
          <strong>{t('checkout.voidedStamp')}</strong>
          {sale.voidReason && <span>{t('checkout.voidedReason', { reason: sale.voidReason })}</span>}
          {sale.voidedAt && <span className="small">{formatDateTime(sale.voidedAt, zone)}</span>}
        </div>
      )}
      <table className="table receipt-lines" aria-label={t('checkout.lines')}>
        <thead>
          <tr>
            <th scope="col">{t('checkout.colItem')}</th>
            <th scope="col" className="num">
              {t('checkout.colQuantity')}
            </th>
            <th scope="col" className="num">
              {t('checkout.colPrice')}
            </th>
            <th scope="col" className="num">
              {t('checkout.colAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l) => (
            <tr key={l.id}>
              <td>
                <span className="stack-tight">
                  <span>{l.description}</span>
                  {l.coverageDiscountMinor > 0 && (
                    <span className="small receipt-discount">
                      {t(l.coveredBy === 'plan' ? 'checkout.receiptPlan' : 'checkout.receiptPass')} −{money(l.coverageDiscountMinor)}
                    </span>
                  )}
                  {l.promoDiscountMinor > 0 && (
                    <span className="small receipt-discount">
                      {t('checkout.receiptPromo', { code: sale.promoCode ?? '' })} −{money(l.promoDiscountMinor)}
                    </span>
                  )}
                </span>
              </td>
              <td className="num">{l.quantity}</td>
              <td className="num nowrap">{money(l.unitPriceMinor)}</td>
              <td className="num nowrap">{money(l.totalMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SaleTotalsList totals={sale} className="receipt-totals" />
      {sale.payments.length > 0 && (
        <dl className="receipt-payments" aria-label={t('checkout.payments')}>
          {sale.payments.map((p, i) => (
            <div key={`${p.method}-${i}`}>
              <dt>{t(`checkout.methods.${p.method}`)}</dt>
              <dd>{money(p.amountMinor)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="receipt-thanks">{t('checkout.thanks')}</p>
    </article>
  );
}
