import { useTranslation } from 'react-i18next';
import type { Client } from '../../src-shared/domain/client';
import type { CustomField } from '../../src-shared/domain/custom-field';
import { FieldError } from '../components/bits';
import { DateField } from '../components/DateField';
import { fieldAria } from '../components/TextField';
import { inputIdFor } from './client-form';
import { FieldGrid, ViewField } from './FieldGrid';
import { CustomValue } from './FieldValues';
import type { ClientForm } from './useClientForm';

/** A custom field of the card: its value to read, or a choice list or input while editing. */
function ClientCustomField({ field, client, form }: { field: CustomField; client: Client | null; form: ClientForm }) {
  const { t } = useTranslation();
  if (!form.editing) {
    return (
      <ViewField label={field.label}>
        <CustomValue field={field} value={client?.customFields[field.id]} />
      </ViewField>
    );
  }
  const inputId = inputIdFor(`customFields.${field.id}`);
  const error = form.fieldErrors[`customFields.${field.id}`];
  const value = form.form.custom[field.id] ?? '';
  const change = (e: { target: { value: string } }) => form.setCustom(field.id, e.target.value);
  const common = { id: inputId, value, ...fieldAria(inputId, error) } as const;
  return (
    <div className="field">
      <label htmlFor={inputId}>{field.label}</label>
      {field.kind === 'choice' ? (
        <select {...common} onChange={change}>
          <option value="">{t('app.none')}</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          {value && !field.options.includes(value) && <option value={value}>{value}</option>}
        </select>
      ) : field.kind === 'date' ? (
        <DateField {...common} onChange={(date) => form.setCustom(field.id, date)} />
      ) : (
        <input
          {...common}
          type={field.kind === 'number' ? 'number' : 'text'}
          step={field.kind === 'number' ? 'any' : undefined}
          autoComplete="off"
          onChange={change}
        />
      )}
      <FieldError id={`${inputId}-error`} message={error} />
    </div>
  );
}

/** The centre's own fields on the card. */
export function ClientCustomFields({ customFields, client, form }: { customFields: CustomField[]; client: Client | null; form: ClientForm }) {
  return (
    <FieldGrid editing={form.editing} single>
      {customFields.map((field) => (
        <ClientCustomField key={field.id} field={field} client={client} form={form} />
      ))}
    </FieldGrid>
  );
}
