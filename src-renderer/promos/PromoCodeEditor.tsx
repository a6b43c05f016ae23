import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromoCode } from '../../src-shared/domain/checkout';
import { call } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { currentLocale } from '../i18n';
import { CreateForm } from '../passes/CreateForm';
import type { CoverableCatalogue } from '../passes/useCoverableCatalogue';
import { RowEditor } from '../settings/RowEditor';
import { newPromoForm, promoFields, promoFormOf, promoInput, type PromoForm } from './promo-form';
import { PromoCodeFields } from './PromoCodeFields';

interface PromoCodeEditorProps {
  /** The code to change (its row becomes the form), or null for the "Nuevo código" form. */
  promo: PromoCode | null;
  catalogue: CoverableCatalogue;
  onDone: () => void;
}

/** Creates a promo code or changes one; errors go beside their fields. */
export function PromoCodeEditor({ promo, catalogue, onDone }: PromoCodeEditorProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { currency } = useSettings().settings;
  const [form, setForm] = useState<PromoForm>(() => (promo ? promoFormOf(promo, currency, currentLocale()) : newPromoForm()));
  const change = (patch: Partial<PromoForm>) => setForm((f) => ({ ...f, ...patch }));

  const send = async () => {
    const input = promoInput(form, currency, t('catalogue.priceInvalid'));
    if (!input.ok) return input;
    return promo ? call('promos.update', { id: promo.id, ...input.value }) : call('promos.create', input.value);
  };
  const fields = (errors: Record<string, string>) => (
    <PromoCodeFields idPrefix={promo ? `promo-${promo.id}` : 'promo-new'} form={form} onChange={change} catalogue={catalogue} currency={currency} errors={errors} />
  );

  if (promo) {
    return (
      <RowEditor fields={promoFields} save={send} onDone={onDone}>
        {fields}
      </RowEditor>
    );
  }
  return (
    <CreateForm
      title={t('passes.promos.new')}
      fields={promoFields}
      send={send}
      submitText={t('passes.promos.create')}
      onCreated={() => toast(t('passes.promos.created', { code: form.code.trim() }))}
      onClose={onDone}
    >
      {fields}
    </CreateForm>
  );
}
