import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanProduct } from '../../src-shared/domain/passes';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { NumberField } from '../catalogue/NumberField';
import { TextField } from '../components/TextField';
import { currentLocale } from '../i18n';
import { RowEditor } from '../settings/RowEditor';
import { CreateForm } from './CreateForm';
import { newPlanForm, planFields, planFormOf, planInput, type PlanForm } from './plan-product-form';
import { PlanItemsField } from './PlanItemsField';
import type { CoverableCatalogue } from './useCoverableCatalogue';

interface PlanProductEditorProps {
  /** The plan to change (its row becomes the form), or null for the "Nuevo plan" form. */
  product: PlanProduct | null;
  catalogue: CoverableCatalogue;
  onDone: () => void;
}

/** Creates a plan product or changes one: its services with quantities, validity in days and price. */
export function PlanProductEditor({ product, catalogue, onDone }: PlanProductEditorProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { currency } = useSettings().settings;
  const [form, setForm] = useState<PlanForm>(() => (product ? planFormOf(product, currency, currentLocale()) : newPlanForm()));
  const change = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));
  const prefix = product ? `plan-${product.id}` : 'plan-new';

  const send = async () => {
    const input = planInput(form, currency, t('catalogue.priceInvalid'));
    if (!input.ok) return input;
    return product ? call('planProducts.update', { id: product.id, ...input.value }) : call('planProducts.create', input.value);
  };
  const fields = (errors: Record<string, string>) => (
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
      </div>
    </>
  );

  if (product) {
    return (
      <RowEditor fields={planFields} save={send} onDone={onDone}>
        {fields}
      </RowEditor>
    );
  }
  return (
    <CreateForm
      title={t('passes.plans.new')}
      fields={planFields}
      send={send}
      submitText={t('passes.plans.create')}
      onCreated={() => toast(t('passes.plans.created', { name: form.name.trim() }))}
      onClose={onDone}
    >
      {fields}
    </CreateForm>
  );
}
