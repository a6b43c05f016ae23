import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { lineFromChoice, type DraftLine } from './sale-draft';
import type { SaleCatalogue } from './useSaleCatalogue';

/** "Añadir a la venta": a service, a pass (bono) or a plan from the catalogue, with its price. */
export function AddLinePicker({ catalogue, currency, onAdd }: { catalogue: SaleCatalogue; currency: string; onAdd: (line: DraftLine) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState('');
  const price = (minor: number) => formatMoney(minor, currency, currentLocale());

  const add = () => {
    const line = lineFromChoice(choice);
    if (!line) return;
    onAdd(line);
    setChoice('');
  };

  return (
    <div className="sale-add">
      <div className="field grow">
        <label htmlFor={id}>{t('checkout.addLabel')}</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('checkout.addChoose')}</option>
          {catalogue.services.length > 0 && (
            <optgroup label={t('checkout.kinds.service')}>
              {catalogue.services.map((s) => (
                <option key={s.id} value={`service:${s.id}`}>
                  {t('checkout.optionPrice', { name: s.name, price: price(s.priceMinor) })}
                </option>
              ))}
            </optgroup>
          )}
          {catalogue.passes.length > 0 && (
            <optgroup label={t('checkout.kinds.pass')}>
              {catalogue.passes.map((p) => (
                <option key={p.id} value={`pass:${p.id}`}>
                  {t('checkout.optionPrice', { name: p.name, price: price(p.priceMinor) })}
                </option>
              ))}
            </optgroup>
          )}
          {catalogue.plans.length > 0 && (
            <optgroup label={t('checkout.kinds.plan')}>
              {catalogue.plans.map((p) => (
                <option key={p.id} value={`plan:${p.id}`}>
                  {t('checkout.optionPrice', { name: p.name, price: price(p.priceMinor) })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <button type="button" className="button" disabled={!choice} onClick={add}>
        {t('checkout.add')}
      </button>
    </div>
  );
}
