import { useTranslation } from 'react-i18next';
import type { PromoCode } from '../../src-shared/domain/checkout';
import { useSettings } from '../app/settings-context';
import { currentLocale } from '../i18n';
import { formatDate, formatNumber } from '../lib/format';
import { formatMoney } from '../lib/money';

/** How a promo code reads in a list: what it takes off, when it is valid, its limits. */
export function usePromoTexts() {
  const { t } = useTranslation();
  const { currency } = useSettings().settings;
  const discount = (p: PromoCode) =>
    p.kind === 'percent'
      ? t('passes.promos.percentOff', { value: `${formatNumber(p.value)} %` })
      : t('passes.promos.amountOff', { value: formatMoney(p.value, currency, currentLocale()) });
  const dates = (p: PromoCode) => {
    if (p.validFrom && p.validTo) return t('passes.promos.between', { from: formatDate(p.validFrom), to: formatDate(p.validTo) });
    if (p.validFrom) return t('passes.promos.fromDate', { date: formatDate(p.validFrom) });
    if (p.validTo) return t('passes.promos.toDate', { date: formatDate(p.validTo) });
    return t('passes.promos.always');
  };
  const uses = (p: PromoCode) => (p.maxUses === null ? t('passes.promos.usesUnlimited', { count: p.uses }) : t('passes.promos.usesOf', { count: p.uses, max: p.maxUses }));
  const perClient = (p: PromoCode) => (p.maxUsesPerClient === null ? null : t('passes.promos.perClient', { count: p.maxUsesPerClient }));
  return { discount, dates, uses, perClient };
}
