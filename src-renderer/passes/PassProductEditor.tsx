import { useTranslation } from 'react-i18next';
import type { PassProduct } from '../../src-shared/domain/passes';
import { call } from '../api/client';
import { ItemEditor } from './ItemEditor';
import { newPassForm, passFields, passFormOf, passInput } from './pass-product-form';
import { PassProductFields } from './PassProductFields';
import type { CoverableCatalogue } from './useCoverableCatalogue';
import { useItemForm } from './useItemForm';

interface PassProductEditorProps {
  /** The pass to change (its row becomes the form), or null for the "Nuevo bono" form. */
  product: PassProduct | null;
  catalogue: CoverableCatalogue;
  onDone: () => void;
}

const passRules = { formOf: passFormOf, blank: newPassForm, inputOf: passInput };

/** Creates a pass product or changes one; errors go beside their fields. */
export function PassProductEditor({ product, catalogue, onDone }: PassProductEditorProps) {
  const { t } = useTranslation();
  const { form, change, send, currency } = useItemForm(product, passRules, (input, id) =>
    id ? call('passProducts.update', { id, ...input }) : call('passProducts.create', input),
  );
  return (
    <ItemEditor
      editing={product !== null}
      fields={passFields}
      send={send}
      create={{ title: t('passes.products.new'), submit: t('passes.products.create'), created: t('passes.products.created', { name: form.name.trim() }) }}
      onDone={onDone}
    >
      {(errors) => (
        <PassProductFields idPrefix={product ? `pass-${product.id}` : 'pass-new'} form={form} onChange={change} catalogue={catalogue} currency={currency} errors={errors} autoFocus />
      )}
    </ItemEditor>
  );
}
