import { useTranslation } from 'react-i18next';
import type { PlanProduct } from '../../src-shared/domain/passes';
import { call } from '../api/client';
import { NumberField } from '../catalogue/NumberField';
import { TextField } from '../components/TextField';
import { FiscalVatRateField } from '../settings/FiscalVatRateField';
import { ItemEditor } from './ItemEditor';
import { newPlanForm, planFields, planFormOf, planInput } from './plan-product-form';
import { PlanItemsField } from './PlanItemsField';
import type { CoverableCatalogue } from './useCoverableCatalogue';
import { useItemForm } from './useItemForm';

interface PlanProductEditorProps {
  /** The plan to change (its row becomes the form), or null for the "Nuevo plan" form. */
  product: PlanProduct | null;
  catalogue: CoverableCatalogue;
  onDone: () => void;
}

const planRules = { formOf: planFormOf, blank: newPlanForm, inputOf: planInput };

/** Creates a plan product or changes one: its services with quantities, validity in days and price. */
export function PlanProductEditor({ product, catalogue, onDone }: PlanProductEditorProps) {
  const { t } = useTranslation();
  const { form, change, send, currency } = useItemForm(product, planRules, (input, id) =>
    id ? call('planProducts.update', { id, ...input }) : call('planProducts.create', input),
  );
  const prefix = product ? `plan-${product.id}` : 'plan-new';
  return (
    <ItemEditor
      editing={product !== null}
      fields={planFields}
      send={send}
      create={{ title: t('passes.plans.new'), submit: t('passes.plans.create'), created: t('passes.plans.created', { name: form.name.trim() }) }}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <TextField id={`${prefix}-name`} label={t('passes.plans.name')} value={form.name} maxLength={80} error={errors.name} autoFocus onChange={(name) => change({ name })} />
          <PlanItemsField
            id={`${prefix}-items`}
            items={form.items}
            onChange={(items) => change({ items })}
            services={catalogue.offeredServices(form.items.map((i) => i.serviceId))}
            error={errors.items}
          />
          <div className="field-row">
            <NumberField id={`${prefix}-days`} label={t('passes.plans.validityDays')} value={form.validityDays} error={errors.validityDays} onChange={(validityDays) => change({ validityDays })} />
            <NumberField id={`${prefix}-price`} decimal label={t('catalogue.price', { currency })} value={form.price} error={errors.priceMinor} onChange={(price) => change({ price })} />
            <FiscalVatRateField id={`${prefix}-vatRateBp`} value={form.vatRateBp} error={errors.vatRateBp} onChange={(vatRateBp) => change({ vatRateBp })} />
          </div>
        </>
      )}
    </ItemEditor>
  );
}
