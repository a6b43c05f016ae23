import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { SaleLine } from '../../src-shared/domain/checkout';
import type { ClientPass } from '../../src-shared/domain/passes';
import { FieldError, useErrorText } from '../components/bits';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { formatRate } from './fiscal-format';
import { parseQuantity, type DraftLine } from './sale-draft';
import type { SaleCatalogue } from './useSaleCatalogue';

interface SaleLineListProps {
  idPrefix: string;
  lines: DraftLine[];
  /** The quote's lines, in the same order, once priced for exactly these lines. */
  priced: SaleLine[] | undefined;
  catalogue: SaleCatalogue;
  /** The client's passes and plan lines, to name the credit that pays a line. */
  credits: ClientPass[];
  currency: string;
  lineError: { index: number; error: ApiError } | undefined;
  onChange: (index: number, line: DraftLine) => void;
  onRemove: (index: number) => void;
}

/** The sale's lines: what, how many, the price, what a plan, pass or promo takes off, and the amount. */
export function SaleLineList({ idPrefix, lines, priced, catalogue, credits, currency, lineError, onChange, onRemove }: SaleLineListProps) {
  const { t } = useTranslation();
  // "Usar bono/plan" only means something when the client holds a credit (or the line's appointment spent one).
  const hasCredits = credits.some((c) => !c.expired && c.balance > 0);
  const errorText = useErrorText();
  const money = (minor: number) => formatMoney(minor, currency, currentLocale());

  if (lines.length === 0) return <p className="empty sale-empty">{t('checkout.noLines')}</p>;
  return (
    <table className="table sale-lines" aria-label={t('checkout.lines')}>
      <thead>
        <tr>
          <th scope="col">{t('checkout.colItem')}</th>
          <th scope="col">{t('checkout.colQuantity')}</th>
          <th scope="col" className="num">
            {t('checkout.colPrice')}
          </th>
          <th scope="col" className="num">
            {t('checkout.colDiscounts')}
          </th>
          <th scope="col" className="num">
            {t('checkout.colAmount')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('checkout.colActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => {
          const p = priced?.[index];
          const item = catalogue.itemOf(line);
          const name = item?.name ?? p?.description ?? '…';
          const unit = p?.unitPriceMinor ?? item?.priceMinor;
          const error = lineError?.index === index ? errorText(lineError.error) : undefined;
          const errorId = `${idPrefix}-line-${line.key}-error`;
          const discounts = (p?.coverageDiscountMinor ?? 0) + (p?.promoDiscountMinor ?? 0);
          return (
            <tr key={line.key} aria-label={name}>
              <td>
                <div className="stack-tight">
                  <span className="sale-line-name">
                    <span className={`kind-badge sale-kind-${line.kind}`}>{t(`checkout.kinds.${line.kind}`)}</span> <strong>{name}</strong>
                  </span>
                  {line.kind === 'service' && (hasCredits || p?.coveredBy || !line.useCredit) && (
                    <CreditToggle line={line} priced={p} credits={credits} name={name} onChange={(useCredit) => onChange(index, { ...line, useCredit })} />
                  )}
                  {p && p.taxRateBp !== null && (
                    <span className="small muted sale-line-vat">
                      {t('receipt.colTaxRate')} {formatRate(p.taxRateBp, currentLocale())}
                    </span>
                  )}
                  {p && p.promoDiscountMinor > 0 && <span className="small sale-promo-note">{t('checkout.promoOnLine', { amount: money(p.promoDiscountMinor) })}</span>}
                  <FieldError id={errorId} message={error} />
                </div>
              </td>
              <td>
                {line.kind === 'service' || line.kind === 'product' ? (
                  <input
                    className="sale-quantity"
                    type="number"
                    min={1}
                    max={100}
                    step={1}
                    value={line.quantity}
                    aria-label={t('checkout.quantityOf', { name })}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(e) => onChange(index, { ...line, quantity: parseQuantity(e.target.value, line.quantity) })}
                  />
                ) : (
                  <span className="sale-quantity-fixed">1</span>
                )}
              </td>
              <td className="num nowrap">{unit === undefined ? '' : money(unit)}</td>
              <td className="num nowrap">{discounts > 0 ? `−${money(discounts)}` : ''}</td>
              <td className="num nowrap">
                <strong>{p ? money(p.totalMinor) : ''}</strong>
              </td>
              <td>
                <button type="button" className="icon-button" aria-label={t('checkout.removeLine', { name })} onClick={() => onRemove(index)}>
                  ×
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "Usar bono/plan" on a service line, and which credit pays it (the quote says), or that none covers it. */
function CreditToggle({
  line,
  priced,
  credits,
  name,
  onChange,
}: {
  line: Extract<DraftLine, { kind: 'service' }>;
  priced: SaleLine | undefined;
  credits: ClientPass[];
  name: string;
  onChange: (useCredit: boolean) => void;
}) {
  const { t } = useTranslation();
  const credit = priced?.clientPassId ? credits.find((c) => c.id === priced.clientPassId) : undefined;
  const creditName = credit ? (credit.planName ?? credit.name) : '';
  let status = '';
  if (line.useCredit && priced?.coveredBy)
    status = credit
      ? t(priced.coveredBy === 'plan' ? 'checkout.paidByPlan' : 'checkout.paidByPass', { name: creditName })
      : t(priced.coveredBy === 'plan' ? 'checkout.paidByAPlan' : 'checkout.paidByAPass');
  else if (line.useCredit && priced) status = t('checkout.noCredit');
  return (
    <span className="sale-credit">
      <label className="checkbox small">
        <input type="checkbox" checked={line.useCredit} aria-label={t('checkout.useCreditFor', { name })} onChange={(e) => onChange(e.target.checked)} />
        {t('checkout.useCredit')}
      </label>
      {status && <span className={priced?.coveredBy ? 'badge sale-covered' : 'small muted'}>{status}</span>}
    </span>
  );
}
