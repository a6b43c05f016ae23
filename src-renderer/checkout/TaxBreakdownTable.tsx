import { useTranslation } from 'react-i18next';
import type { TaxBreakdown } from '../../src-shared/domain/fiscal';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { formatRate } from './fiscal-format';

/** Base, rate and tax per VAT rate, and their totals: on the quote before charging and on every document. */
export function TaxBreakdownTable({ taxes, currency, className }: { taxes: TaxBreakdown[]; currency: string; className?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  if (taxes.length === 0) return null;
  const base = taxes.reduce((sum, r) => sum + r.baseMinor, 0);
  const tax = taxes.reduce((sum, r) => sum + r.taxMinor, 0);
  return (
    <table className={`table tax-breakdown ${className ?? ''}`} aria-label={t('receipt.taxes')}>
      <thead>
        <tr>
          <th scope="col">{t('receipt.colRate')}</th>
          <th scope="col" className="num">
            {t('receipt.colBase')}
          </th>
          <th scope="col" className="num">
            {t('receipt.colTax')}
          </th>
        </tr>
      </thead>
      <tbody>
        {taxes.map((r) => (
          <tr key={r.rateBp}>
            <td>{formatRate(r.rateBp, locale)}</td>
            <td className="num nowrap">{money(r.baseMinor)}</td>
            <td className="num nowrap">{money(r.taxMinor)}</td>
          </tr>
        ))}
      </tbody>
      {taxes.length > 1 && (
        <tfoot>
          <tr>
            <td>{t('receipt.taxTotal')}</td>
            <td className="num nowrap">{money(base)}</td>
            <td className="num nowrap">{money(tax)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
