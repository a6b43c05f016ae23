import { useTranslation } from 'react-i18next';
import { FieldGroup, RadioOptions } from '../agenda/form/Field';
import { NumberField } from '../catalogue/NumberField';
import { DateField } from '../components/DateField';
import { TextField } from '../components/TextField';
import { FiscalVatRateField } from '../settings/FiscalVatRateField';
import { CheckboxGroup } from './CheckboxGroup';
import type { PassForm } from './pass-product-form';
import type { CoverableCatalogue } from './useCoverableCatalogue';

interface PassProductFieldsProps {
  /** Unique per form: "pass-new", "pass-<id>". */
  idPrefix: string;
  form: PassForm;
  onChange: (patch: Partial<PassForm>) => void;
  catalogue: CoverableCatalogue;
  currency: string;
  errors: Record<string, string>;
  autoFocus?: boolean;
}

/** A pass's name, credits, what it covers, how long it lasts and its price. */
export function PassProductFields({ idPrefix, form, onChange, catalogue, currency, errors, autoFocus }: PassProductFieldsProps) {
  const { t } = useTranslation();
  const untilId = `${idPrefix}-until`;
  return (
    <>
      <div className="field-row">
        <TextField id={`${idPrefix}-name`} label={t('passes.products.name')} value={form.name} maxLength={80} error={errors.name} autoFocus={autoFocus} onChange={(name) => onChange({ name })} />
        <NumberField id={`${idPrefix}-credits`} label={t('passes.products.credits')} value={form.credits} error={errors.credits} onChange={(credits) => onChange({ credits })} />
      </div>
      <CheckboxGroup
        id={`${idPrefix}-sessionTypeIds`}
        legend={t('passes.products.sessionTypes')}
        options={catalogue.sessionTypes}
        chosen={form.sessionTypeIds}
        onChange={(sessionTypeIds) => onChange({ sessionTypeIds })}
        emptyText={t('passes.products.noSessionTypes')}
        error={errors.sessionTypeIds}
      />
      <CheckboxGroup
        id={`${idPrefix}-serviceIds`}
        legend={t('passes.products.services')}
        hint={t('passes.products.coverHint')}
        options={catalogue.offeredServices(form.serviceIds)}
        chosen={form.serviceIds}
        onChange={(serviceIds) => onChange({ serviceIds })}
        emptyText={t('passes.products.noServices')}
        error={errors.serviceIds}
      />
      <FieldGroup id={`${idPrefix}-validity`} legend={t('passes.products.validity')} error={errors.validity}>
        <RadioOptions
          name={`${idPrefix}-validity-kind`}
          className="radio-row"
          value={form.validityKind}
          options={[
            { value: 'days', label: t('passes.products.validityDays') },
            { value: 'until', label: t('passes.products.validityUntil') },
          ]}
          onChange={(validityKind) => onChange({ validityKind })}
        />
        {form.validityKind === 'days' ? (
          <NumberField id={`${idPrefix}-days`} label={t('passes.products.days')} value={form.days} error={undefined} onChange={(days) => onChange({ days })} />
        ) : (
          <div className="field field-date">
            <label htmlFor={untilId}>{t('passes.products.until')}</label>
            <DateField id={untilId} value={form.until} onChange={(until) => onChange({ until })} />
          </div>
        )}
      </FieldGroup>
      <div className="field-row">
        <NumberField id={`${idPrefix}-price`} decimal label={t('catalogue.price', { currency })} value={form.price} error={errors.priceMinor} onChange={(price) => onChange({ price })} />
        <FiscalVatRateField id={`${idPrefix}-vatRateBp`} value={form.vatRateBp} error={errors.vatRateBp} onChange={(vatRateBp) => onChange({ vatRateBp })} />
      </div>
    </>
  );
}
