import { useTranslation } from 'react-i18next';
import { Field, FieldGroup, RadioOptions } from '../agenda/form/Field';
import { NumberField } from '../catalogue/NumberField';
import { DateField } from '../components/DateField';
import { TextField } from '../components/TextField';
import { CheckboxGroup } from '../passes/CheckboxGroup';
import type { CoverableCatalogue } from '../passes/useCoverableCatalogue';
import type { PromoForm } from './promo-form';

interface PromoCodeFieldsProps {
  idPrefix: string;
  form: PromoForm;
  onChange: (patch: Partial<PromoForm>) => void;
  catalogue: CoverableCatalogue;
  currency: string;
  errors: Record<string, string>;
}

/** A promo code: the code, what it takes off, when it is valid, its limits and the services it applies to. */
export function PromoCodeFields({ idPrefix, form, onChange, catalogue, currency, errors }: PromoCodeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-row">
        <TextField id={`${idPrefix}-code`} label={t('passes.promos.code')} value={form.code} maxLength={30} error={errors.code} autoFocus onChange={(code) => onChange({ code })} />
        <TextField id={`${idPrefix}-description`} label={t('passes.promos.description')} value={form.description} maxLength={200} error={errors.description} onChange={(description) => onChange({ description })} />
      </div>
      <FieldGroup id={`${idPrefix}-kind`} legend={t('passes.promos.kind')} error={errors.kind}>
        <RadioOptions
          name={`${idPrefix}-kind`}
          className="radio-row"
          value={form.kind}
          options={[
            { value: 'percent', label: t('passes.promos.kindPercent') },
            { value: 'amount', label: t('passes.promos.kindAmount') },
          ]}
          onChange={(kind) => onChange({ kind, value: '' })}
        />
        <NumberField
          id={`${idPrefix}-value`}
          decimal={form.kind === 'amount'}
          label={form.kind === 'percent' ? t('passes.promos.percent') : t('passes.promos.amount', { currency })}
          value={form.value}
          error={errors.value}
          onChange={(value) => onChange({ value })}
        />
      </FieldGroup>
      <div className="field-row">
        <Field id={`${idPrefix}-validFrom`} label={t('passes.promos.validFrom')} error={errors.validFrom}>
          {(aria) => <DateField {...aria} value={form.validFrom} onChange={(validFrom) => onChange({ validFrom })} />}
        </Field>
        <Field id={`${idPrefix}-validTo`} label={t('passes.promos.validTo')} error={errors.validTo}>
          {(aria) => <DateField {...aria} value={form.validTo} onChange={(validTo) => onChange({ validTo })} />}
        </Field>
      </div>
      <div className="field-row">
        <NumberField
          id={`${idPrefix}-maxUses`}
          label={t('passes.promos.maxUses')}
          placeholder={t('passes.promos.noLimit')}
          value={form.maxUses}
          error={errors.maxUses}
          onChange={(maxUses) => onChange({ maxUses })}
        />
        <NumberField
          id={`${idPrefix}-maxUsesPerClient`}
          label={t('passes.promos.maxUsesPerClient')}
          placeholder={t('passes.promos.noLimit')}
          value={form.maxUsesPerClient}
          error={errors.maxUsesPerClient}
          onChange={(maxUsesPerClient) => onChange({ maxUsesPerClient })}
        />
      </div>
      <CheckboxGroup
        id={`${idPrefix}-serviceIds`}
        legend={t('passes.promos.services')}
        hint={t('passes.promos.servicesHint')}
        options={catalogue.offeredServices(form.serviceIds)}
        chosen={form.serviceIds}
        onChange={(serviceIds) => onChange({ serviceIds })}
        emptyText={t('passes.products.noServices')}
        error={errors.serviceIds}
      />
    </>
  );
}
