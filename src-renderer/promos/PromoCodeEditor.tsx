import { useTranslation } from 'react-i18next';
import type { PromoCode } from '../../src-shared/domain/checkout';
import { call } from '../api/client';
import { ItemEditor } from '../passes/ItemEditor';
import type { CoverableCatalogue } from '../passes/useCoverableCatalogue';
import { useItemForm } from '../passes/useItemForm';
import { newPromoForm, promoFields, promoFormOf, promoInput } from './promo-form';
import { PromoCodeFields } from './PromoCodeFields';

interface PromoCodeEditorProps {
  /** The code to change (its row becomes the form), or null for the "Nuevo código" form. */
  promo: PromoCode | null;
  catalogue: CoverableCatalogue;
  onDone: () => void;
}

const promoRules = { formOf: promoFormOf, blank: newPromoForm, inputOf: promoInput };

/** Creates a promo code or changes one; errors go beside their fields. */
export function PromoCodeEditor({ promo, catalogue, onDone }: PromoCodeEditorProps) {
  const { t } = useTranslation();
  const { form, change, send, currency } = useItemForm(promo, promoRules, (input, id) => (id ? call('promos.update', { id, ...input }) : call('promos.create', input)));
  return (
    <ItemEditor
      editing={promo !== null}
      fields={promoFields}
      send={send}
      create={{ title: t('passes.promos.new'), submit: t('passes.promos.create'), created: t('passes.promos.created', { code: form.code.trim() }) }}
      onDone={onDone}
    >
      {(errors) => <PromoCodeFields idPrefix={promo ? `promo-${promo.id}` : 'promo-new'} form={form} onChange={change} catalogue={catalogue} currency={currency} errors={errors} />}
    </ItemEditor>
  );
}
