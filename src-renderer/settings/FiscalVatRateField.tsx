import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { formatRate } from '../checkout/fiscal-format';
import { FieldError } from '../components/bits';
import { fieldAria } from '../components/TextField';
import { currentLocale } from '../i18n';

/** The country's VAT choices (basis points, the default first); null: any rate (a country without a fixed list). */
export function useVatRates(): { rates: number[] | null; defaultRate: number } | null {
  const settings = useQuery('fiscal.settings.get', {});
  return settings.data ? { rates: settings.data.vatRates, defaultRate: settings.data.defaultVatRateBp } : null;
}

interface VatRateFieldProps {
  id: string;
  /** null: the country's default (a new item). */
  value: number | null;
  onChange: (rateBp: number) => void;
  error: string | undefined;
}

/** "IVA": a select of the country's rates shown the local way ("21 %"), or a percentage where the country has no list. */
export function FiscalVatRateField({ id, value, onChange, error }: VatRateFieldProps) {
  const { t } = useTranslation();
  const vat = useVatRates();
  if (!vat) return null;
  const current = value ?? vat.defaultRate;
  const locale = currentLocale();
  return (
    <div className="field field-number">
      <label htmlFor={id}>{t('fiscalSettings.vat')}</label>
      {vat.rates ? (
        <select id={id} value={current} onChange={(e) => onChange(Number(e.target.value))} {...fieldAria(id, error)}>
          {/* A rate kept from before a change of country stays visible until it is changed. */}
          {(vat.rates.includes(current) ? vat.rates : [current, ...vat.rates]).map((rate) => (
            <option key={rate} value={rate}>
              {formatRate(rate, locale)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step={0.01}
          value={current / 100}
          onChange={(e) => onChange(Math.round(Number(e.target.value) * 100))}
          {...fieldAria(id, error)}
        />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** "21 %" beside a price in a list. */
export function vatRateText(rateBp: number): string {
  return formatRate(rateBp, currentLocale());
}
