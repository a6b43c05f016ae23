import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../src-shared/domain/client';
import { FieldError } from '../components/bits';
import { DateField } from '../components/DateField';
import { fieldAria } from '../components/TextField';
import { fieldKinds, inputIdFor, type FormKey } from './client-form';
import { DuplicateNotice } from './DuplicateWarnings';
import { FieldGrid, ViewField } from './FieldGrid';
import { StandardValue } from './FieldValues';
import { useFieldLabel } from './useFieldLabel';
import type { ClientForm } from './useClientForm';

/** One plain field of the card: its value to read, or its input while editing. */
function ClientField({ fieldKey: key, client, form }: { fieldKey: FormKey; client: Client | null; form: ClientForm }) {
  const { t } = useTranslation();
  const label = useFieldLabel()(key);
  const kind = fieldKinds[key] ?? 'text';
  const wide = kind === 'textarea' || key === 'address';

  if (!form.editing) {
    return (
      <ViewField label={label} wide={wide}>
        {client && <StandardValue fieldKey={key} client={client} />}
      </ViewField>
    );
  }

  const inputId = inputIdFor(key);
  const dupId = `${inputId}-duplicates`;
  const error = form.fieldErrors[key];
  const checked = key === 'phone' || key === 'email' ? key : null;
  const duplicates = checked ? form.liveDuplicates[checked] : [];
  const change = (e: { target: { value: string } }) => form.setField(key, e.target.value);
  const common = {
    id: inputId,
    value: form.form.fields[key],
    ...fieldAria(inputId, error, duplicates.length > 0 && dupId),
    'aria-required': key === 'firstName' ? true : undefined,
  } as const;

  let control: ReactNode;
  if (kind === 'textarea') {
    control = <textarea {...common} rows={3} onChange={change} />;
  } else if (kind === 'sex') {
    control = (
      <select {...common} onChange={change}>
        <option value="">{t('sex.unset')}</option>
        <option value="female">{t('sex.female')}</option>
        <option value="male">{t('sex.male')}</option>
        <option value="other">{t('sex.other')}</option>
      </select>
    );
  } else if (kind === 'date') {
    control = <DateField {...common} onChange={(value) => form.setField(key, value)} />;
  } else {
    const number = kind === 'number';
    control = (
      <input
        {...common}
        type={number ? 'number' : kind}
        step={number ? '0.1' : undefined}
        min={number ? '0' : undefined}
        inputMode={number ? 'decimal' : undefined}
        autoComplete="off"
        autoFocus={form.isNew && key === 'firstName'}
        onChange={change}
        onBlur={checked ? () => void form.checkDuplicates(checked) : undefined}
      />
    );
  }
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <span className="label-row">
        <label htmlFor={inputId}>{label}</label>
        {key === 'firstName' && (
          <span className="required-mark" aria-hidden="true" title={t('card.required')}>
            *
          </span>
        )}
      </span>
      {control}
      <FieldError id={`${inputId}-error`} message={error} />
      {checked && duplicates.length > 0 && <DuplicateNotice id={dupId} kind={checked} warnings={duplicates} />}
    </div>
  );
}

/** The plain fields of one card section (personal data, other data). */
export function ClientFields({ keys, single, client, form }: { keys: readonly FormKey[]; single?: boolean; client: Client | null; form: ClientForm }) {
  return (
    <FieldGrid editing={form.editing} single={single}>
      {keys.map((key) => (
        <ClientField key={key} fieldKey={key} client={client} form={form} />
      ))}
    </FieldGrid>
  );
}
