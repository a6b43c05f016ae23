import type { ClientInput } from '../../src-shared/api/clients';
import type { Client, CustomFieldValue } from '../../src-shared/domain/client';
import type { CustomField } from '../../src-shared/domain/custom-field';
import { formatPhone } from '../lib/format';

/** The plain fields of the card, in the order of the form. */
export const personalKeys = [
  'firstName',
  'lastName',
  'phone',
  'email',
  'birthDate',
  'sex',
  'address',
  'postalCode',
  'city',
  'taxId',
  'weightKg',
  'heightCm',
  'notes',
] as const;
export const otherKeys = ['clientGroup', 'education', 'profession', 'referralSource', 'invoicingCodes'] as const;

export type FormKey = (typeof personalKeys)[number] | (typeof otherKeys)[number];
export type FieldKind = 'text' | 'tel' | 'email' | 'date' | 'number' | 'sex' | 'textarea';

export const fieldKinds: Partial<Record<FormKey, FieldKind>> = {
  phone: 'tel',
  email: 'email',
  birthDate: 'date',
  sex: 'sex',
  weightKg: 'number',
  heightCm: 'number',
  notes: 'textarea',
};

/** What the form holds while typing: strings only, '' for empty. */
export interface FormState {
  fields: Record<FormKey, string>;
  custom: Record<string, string>;
}

const allKeys: FormKey[] = [...personalKeys, ...otherKeys];

export function emptyForm(): FormState {
  return { fields: Object.fromEntries(allKeys.map((k) => [k, ''])) as Record<FormKey, string>, custom: {} };
}

export function formFromClient(client: Client): FormState {
  const form = emptyForm();
  for (const key of allKeys) {
    const value = client[key];
    form.fields[key] = value === null || value === undefined ? '' : String(value);
  }
  form.fields.phone = formatPhone(client.phone);
  for (const [id, value] of Object.entries(client.customFields)) form.custom[id] = String(value);
  return form;
}

function numberOrNull(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The API input of the form: '' clears a field (the API stores null). */
export function inputFromForm(form: FormState, customFields: CustomField[]): Omit<ClientInput, 'tagIds'> {
  const f = form.fields;
  const custom: Record<string, CustomFieldValue | null> = {};
  for (const field of customFields) {
    const raw = (form.custom[field.id] ?? '').trim();
    if (raw === '') custom[field.id] = null;
    else if (field.kind === 'number') custom[field.id] = numberOrNull(raw) ?? raw;
    else custom[field.id] = raw;
  }
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    phone: f.phone,
    email: f.email,
    birthDate: f.birthDate === '' ? null : f.birthDate,
    sex: f.sex === '' ? null : (f.sex as Client['sex']),
    address: f.address,
    postalCode: f.postalCode,
    city: f.city,
    taxId: f.taxId,
    weightKg: numberOrNull(f.weightKg),
    heightCm: numberOrNull(f.heightCm),
    notes: f.notes,
    clientGroup: f.clientGroup,
    education: f.education,
    profession: f.profession,
    referralSource: f.referralSource,
    invoicingCodes: f.invoicingCodes,
    customFields: custom,
  };
}

/** The DOM id of the input an API error's `field` points at. */
export function inputIdFor(field: string): string {
  return field.startsWith('customFields.') ? `client-cf-${field.slice('customFields.'.length)}` : `client-${field}`;
}
