import { useTranslation } from 'react-i18next';
import type { SaleTotals } from '../../src-shared/domain/checkout';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';

/** Subtotal, what plans and passes cover, the promo's discount and the total: as checkout.quote (or the sale) says. */
export function SaleTotalsList({ totals, className }: { totals: SaleTotals; className?: string }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, totals.currency, currentLocale());
  return (
    <dl className={`sale-totals ${className ?? ''}`} aria-label={t('checkout.totals')}>
      <div>
        <dt>{t('checkout.subtotal')}</dt>
        <dd>{money(totals.subtotalMinor)}</dd>
      </div>
      {totals.coverageDiscountMinor > 0 && (
        <div>
          <dt>{t('checkout.coverageDiscount')}</dt>
          <dd>−{money(totals.coverageDiscountMinor)}</dd>
        </div>
      )}
      {totals.promoDiscountMinor > 0 && (
        <div>
          <dt>{totals.promoCode ? t('checkout.promoDiscountCode', { code: totals.promoCode }) : t('checkout.promoDiscount')}</dt>
          <dd>−{money(totals.promoDiscountMinor)}</dd>
        </div>
      )}
      <div className="sale-total">
        <dt>{t('checkout.total')}</dt>
        <dd>{money(totals.totalMinor)}</dd>
      </div>
    </dl>
  );
}
