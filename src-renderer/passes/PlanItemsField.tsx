import { useTranslation } from 'react-i18next';
import type { Service } from '../../src-shared/domain/catalogue';
import { FieldGroup } from '../agenda/form/Field';
import { newPlanItem, type PlanItemDraft } from './plan-product-form';

interface PlanItemsFieldProps {
  id: string;
  items: PlanItemDraft[];
  onChange: (items: PlanItemDraft[]) => void;
  services: readonly Service[];
  error: string | undefined;
}

/** The services of a plan, one row each with its quantity: "+ Añadir servicio" adds a row, "Quitar" removes one. */
export function PlanItemsField({ id, items, onChange, services, error }: PlanItemsFieldProps) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<PlanItemDraft>) => onChange(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const nameOf = (item: PlanItemDraft, n: number) => services.find((s) => s.id === item.serviceId)?.name ?? t('passes.plans.line', { n });
  return (
    <FieldGroup id={id} legend={t('passes.plans.items')} error={error}>
      {services.length === 0 && <p className="hint">{t('passes.products.noServices')}</p>}
      <ul className="plan-items">
        {items.map((item, index) => {
          const name = nameOf(item, index + 1);
          return (
            <li key={item.key} className="plan-item">
              <select className="control" aria-label={t('passes.plans.itemService', { n: index + 1 })} value={item.serviceId} onChange={(e) => set(item.key, { serviceId: e.target.value })}>
                <option value="">{t('passes.plans.chooseService')}</option>
                {services.map((s) => (
                  <option key={s.id} value={s.id} disabled={s.id !== item.serviceId && items.some((i) => i.serviceId === s.id)}>
                    {s.name}
                  </option>
                ))}
              </select>
              <span className="plan-item-times" aria-hidden="true">
                ×
              </span>
              <input
                type="number"
                min={1}
                max={1000}
                className="control plan-item-quantity"
                aria-label={t('passes.plans.quantityOf', { name })}
                value={item.quantity}
                onChange={(e) => set(item.key, { quantity: e.target.value })}
              />
              <button
                type="button"
                className="button button-small button-danger-outline"
                aria-label={t('passes.plans.removeItem', { name })}
                disabled={items.length === 1}
                onClick={() => onChange(items.filter((i) => i.key !== item.key))}
              >
                {t('passes.plans.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button-small plan-item-add" onClick={() => onChange([...items, newPlanItem()])}>
        + {t('passes.plans.addItem')}
      </button>
    </FieldGroup>
  );
}
