import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { paymentMethods } from '../../src-shared/domain/passes';
import { FieldError, useErrorText } from '../components/bits';
import { currentLocale } from '../i18n';
import { formatMoney, moneyInputText } from '../lib/money';
import { newKey, parsePayments, type PaymentRow } from './sale-draft';

interface PaymentRowsProps {
  id: string;
  /** The rows with an untouched first amount already showing the total. */
  rows: PaymentRow[];
  totalMinor: number;
  currency: string;
  onChange: (rows: PaymentRow[]) => void;
  error: ApiError | undefined;
}

const MAX_PAYMENTS = 5;

/** How the sale is paid: one or more methods with their amounts, "+ Otro pago", and what is left to pay. */
export function PaymentRows({ id, rows, totalMinor, currency, onChange, error }: PaymentRowsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const parsed = parsePayments(rows, currency);
  const remaining = parsed.ok ? totalMinor - parsed.paidMinor : null;
  const message = error ? errorText(error) : parsed.ok ? undefined : t('checkout.amountInvalid');
  const errorId = `${id}-error`;

  const update = (index: number, patch: Partial<PaymentRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch, auto: false } : r)));
  const addRow = () => {
    const left = remaining !== null && remaining > 0 ? moneyInputText(remaining, currency, locale) : '';
    onChange([...rows.map((r) => ({ ...r, auto: false })), { key: newKey(), method: 'card', amount: left, auto: false }]);
  };

  return (
    <fieldset className="sale-payments" aria-describedby={message ? errorId : `${id}-remaining`}>
      <legend>{t('checkout.payments')}</legend>
      {rows.map((row, index) => (
        <div key={row.key} className="sale-payment-row">
          <div className="field">
            <label htmlFor={`${id}-${row.key}-method`}>{t('checkout.paymentMethodN', { n: index + 1 })}</label>
            <select id={`${id}-${row.key}-method`} value={row.method} onChange={(e) => update(index, { method: e.target.value as PaymentRow['method'] })}>
              {paymentMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`checkout.methods.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-${row.key}-amount`}>{t('checkout.paymentAmountN', { n: index + 1, currency })}</label>
            <input
              id={`${id}-${row.key}-amount`}
              inputMode="decimal"
              value={row.amount}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? errorId : undefined}
              onChange={(e) => update(index, { amount: e.target.value })}
            />
          </div>
          {index > 0 && (
            <button type="button" className="icon-button" aria-label={t('checkout.removePayment', { n: index + 1 })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              ×
            </button>
          )}
        </div>
      ))}
      {rows.length < MAX_PAYMENTS && (
        <button type="button" className="link-button" onClick={addRow}>
          + {t('checkout.addPayment')}
        </button>
      )}
      <p id={`${id}-remaining`} className={remaining === 0 ? 'sale-remaining sale-remaining-done' : 'sale-remaining'} aria-live="polite">
        {remaining === null
          ? ''
          : remaining > 0
            ? t('checkout.remaining', { amount: formatMoney(remaining, currency, locale) })
            : remaining < 0
              ? t('checkout.overpaid', { amount: formatMoney(-remaining, currency, locale) })
              : t('checkout.paidInFull')}
      </p>
      <FieldError id={errorId} message={message} />
    </fieldset>
  );
}
