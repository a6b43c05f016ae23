import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { FieldError, useErrorText } from '../components/bits';
import { fieldAria } from '../components/TextField';
import { currentLocale } from '../i18n';
import { formatMoney, moneyInputText } from '../lib/money';
import type { MethodChoice } from './payment-methods';
import { cashPaid, newKey, parsePayments, takesReference, tenderedChange, type PaymentRow } from './sale-draft';

interface PaymentRowsProps {
  id: string;
  /** The rows with an untouched first amount already showing the total. */
  rows: PaymentRow[];
  totalMinor: number;
  currency: string;
  /** The methods the centre offers, in order. */
  methods: MethodChoice[];
  onChange: (rows: PaymentRow[]) => void;
  error: ApiError | undefined;
  /** Cash handed over, as typed: the change is shown as it is typed. */
  tendered: string;
  onTendered: (text: string) => void;
  tenderedError: ApiError | undefined;
  /** Chile calls the card terminal's number "N.º de voucher". */
  chile: boolean;
}

const MAX_PAYMENTS = 5;

/** How the sale is paid: methods with their amounts and references, "+ Otro pago", what is left to pay, and for cash what was handed over and the change. */
export function PaymentRows({ id, rows, totalMinor, currency, methods, onChange, error, tendered, onTendered, tenderedError, chile }: PaymentRowsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const parsed = parsePayments(rows, currency);
  const remaining = parsed.ok ? totalMinor - parsed.paidMinor : null;
  const message = error ? errorText(error) : parsed.ok ? undefined : t('checkout.amountInvalid');
  const errorId = `${id}-error`;
  const cash = parsed.ok ? cashPaid(parsed.payments) : 0;
  const change = tenderedChange(tendered, cash, currency);
  const tenderedId = `${id}-tendered`;
  const tenderedMessage = tenderedError
    ? errorText(tenderedError)
    : change === 'invalid'
      ? t('checkout.amountInvalid')
      : change === 'short'
        ? t('receipt.tenderedShort', { amount: money(cash) })
        : undefined;
  // A method the sale row holds but the centre no longer offers still shows (its label), so nothing changes under the desk.
  const optionsFor = (row: PaymentRow) => (methods.some((m) => m.method === row.method) ? methods : [...methods, { method: row.method, label: row.method }]);

  // Typing an amount stops the first row following the total; choosing a method or typing a reference does not.
  const update = (index: number, patch: Partial<PaymentRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch, auto: 'amount' in patch ? false : r.auto } : r)));
  const addRow = () => {
    const left = remaining !== null && remaining > 0 ? moneyInputText(remaining, currency, locale) : '';
    const method = methods.find((m) => m.method !== 'cash')?.method ?? 'card';
    onChange([...rows.map((r) => ({ ...r, auto: false })), { key: newKey(), method, amount: left, auto: false, reference: '' }]);
  };

  return (
    <fieldset className="sale-payments" aria-describedby={message ? errorId : `${id}-remaining`}>
      <legend>{t('checkout.payments')}</legend>
      {rows.map((row, index) => (
        <div key={row.key} className="sale-payment-row">
          <div className="field">
            <label htmlFor={`${id}-${row.key}-method`}>{t('checkout.paymentMethodN', { n: index + 1 })}</label>
            <select id={`${id}-${row.key}-method`} value={row.method} onChange={(e) => update(index, { method: e.target.value as PaymentRow['method'] })}>
              {optionsFor(row).map((m) => (
                <option key={m.method} value={m.method}>
                  {m.label}
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
          {takesReference(row.method) && (
            <div className="field">
              <label htmlFor={`${id}-${row.key}-reference`}>{t(chile ? 'receipt.voucherN' : 'receipt.referenceN', { n: index + 1 })}</label>
              <input
                id={`${id}-${row.key}-reference`}
                value={row.reference}
                maxLength={60}
                title={t('receipt.referenceHint')}
                onChange={(e) => update(index, { reference: e.target.value })}
              />
            </div>
          )}
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
            ? t('checkout.remaining', { amount: money(remaining) })
            : remaining < 0
              ? t('checkout.overpaid', { amount: money(-remaining) })
              : t('checkout.paidInFull')}
      </p>
      <FieldError id={errorId} message={message} />
      {cash > 0 && (
        <div className="sale-tendered">
          <div className="field">
            <label htmlFor={tenderedId}>{t('receipt.tenderedLabel', { currency })}</label>
            <input id={tenderedId} inputMode="decimal" value={tendered} onChange={(e) => onTendered(e.target.value)} {...fieldAria(tenderedId, tenderedMessage, `${tenderedId}-hint`)} />
            <span id={`${tenderedId}-hint`} className="small muted">
              {t('receipt.tenderedHint')}
            </span>
            <FieldError id={`${tenderedId}-error`} message={tenderedMessage} />
          </div>
          {typeof change === 'number' && (
            <p className="sale-change" aria-live="polite">
              {t('receipt.changeLive', { amount: money(change) })}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
