import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassProduct } from '../../src-shared/domain/passes';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { currentLocale } from '../i18n';
import { RowEditor } from '../settings/RowEditor';
import { CreateForm } from './CreateForm';
import { newPassForm, passFields, passFormOf, passInput, type PassForm } from './pass-product-form';
import { PassProductFields } from './PassProductFields';
import type { CoverableCatalogue } from './useCoverableCatalogue';

interface PassProductEditorProps {
  /** The pass to change (its row becomes the form), or null for the "Nuevo bono" form. */
  product: PassProduct | null;
  catalogue: CoverableCatalogue;
  onDone: () => void;
}

/** Creates a pass product or changes one; errors go beside their fields. */
export function PassProductEditor({ product, catalogue, onDone }: PassProductEditorProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { currency } = useSettings().settings;
  const [form, setForm] = useState<PassForm>(() => (product ? passFormOf(product, currency, currentLocale()) : newPassForm()));
  const change = (patch: Partial<PassForm>) => setForm((f) => ({ ...f, ...patch }));

  const send = async () => {
    const input = passInput(form, currency, t('catalogue.priceInvalid'));
    if (!input.ok) return input;
    return product ? call('passProducts.update', { id: product.id, ...input.value }) : call('passProducts.create', input.value);
  };
  const fields = (errors: Record<string, string>) => (
    <PassProductFields idPrefix={product ? `pass-${product.id}` : 'pass-new'} form={form} onChange={change} catalogue={catalogue} currency={currency} errors={errors} autoFocus />
  );

  if (product) {
    return (
      <RowEditor fields={passFields} save={send} onDone={onDone}>
        {fields}
      </RowEditor>
    );
  }
  return (
    <CreateForm
      title={t('passes.products.new')}
      fields={passFields}
      send={send}
      submitText={t('passes.products.create')}
      onCreated={() => toast(t('passes.products.created', { name: form.name.trim() }))}
      onClose={onDone}
    >
      {fields}
    </CreateForm>
  );
}
