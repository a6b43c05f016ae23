import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { formatMoney } from '../lib/money';
import { lineFromChoice, type DraftLine } from './sale-draft';
import type { SaleCatalogue } from './useSaleCatalogue';

/** "Añadir a la venta": a service, a retail product, a pass (bono) or a plan from the catalogue, with its price. */
export function AddLinePicker({ catalogue, currency, onAdd }: { catalogue: SaleCatalogue; currency: string; onAdd: (line: DraftLine) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState('');
  const price = (minor: number) => formatMoney(minor, currency, currentLocale());
  const groups = [
    ['service', catalogue.services],
    ['product', catalogue.products],
    ['pass', catalogue.passes],
    ['plan', catalogue.plans],
  ] as const;

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
          {groups.map(([kind, items]) =>
            items.length > 0 ? (
              <optgroup key={kind} label={t(`checkout.kinds.${kind}`)}>
                {items.map((item) => (
                  <option key={item.id} value={`${kind}:${item.id}`}>
                    {t('checkout.optionPrice', { name: item.name, price: price(item.priceMinor) })}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      </div>
      <button type="button" className="button" disabled={!choice} onClick={add}>
        {t('checkout.add')}
      </button>
    </div>
  );
}
