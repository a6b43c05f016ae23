import type { CallInput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import type { Client } from '../../src-shared/domain/client';

/** The full invoice's customer as typed. */
export interface CustomerDraft {
  name: string;
  taxId: string;
  address: string;
  postcode: string;
  taxRegime: string;
  cfdiUse: string;
}

export type CustomerField = keyof CustomerDraft;
type CustomerInput = CallInput<'invoices.issueFull'>['customer'];

export const emptyCustomer: CustomerDraft = { name: '', taxId: '', address: '', postcode: '', taxRegime: '', cfdiUse: '' };

/** Prefilled from the client's card: their name, tax id and address when they have them. */
export function customerFromClient(client: Client): CustomerDraft {
  return {
    ...emptyCustomer,
    name: [client.firstName, client.lastName].filter(Boolean).join(' '),
    taxId: client.taxId ?? '',
    address: [client.address, client.city].filter(Boolean).join(', '),
    postcode: client.postalCode ?? '',
  };
}

/** What the contract takes: empty optional fields left out; Mexico's regime and CFDI use only in Mexico. */
export function customerInput(d: CustomerDraft, country: string): CustomerInput {
  const mexico = country === 'MX';
  return {
    name: d.name.trim(),
    taxId: d.taxId.trim(),
    ...(d.address.trim() ? { address: d.address.trim() } : {}),
    ...(d.postcode.trim() ? { postcode: d.postcode.trim() } : {}),
    ...(mexico && d.taxRegime.trim() ? { taxRegime: d.taxRegime.trim() } : {}),
    ...(mexico && d.cfdiUse.trim() ? { cfdiUse: d.cfdiUse.trim().toUpperCase() } : {}),
  };
}

/** Every field the desk must fix before sending, at once (main checks the tax id for the country). */
export function customerProblems(d: CustomerDraft, country: string, texts: { required: string; taxRegime: string; cfdiUse: string }): Partial<Record<CustomerField, string>> {
  const problems: Partial<Record<CustomerField, string>> = {};
  if (!d.name.trim()) problems.name = texts.required;
  if (!d.taxId.trim()) problems.taxId = texts.required;
  if (country === 'MX' && d.taxRegime.trim() && !/^\d{3}$/.test(d.taxRegime.trim())) problems.taxRegime = texts.taxRegime;
  if (country === 'MX' && d.cfdiUse.trim() && !/^[A-Z]{1,2}\d{2}$/i.test(d.cfdiUse.trim())) problems.cfdiUse = texts.cfdiUse;
  return problems;
}

const fields: readonly CustomerField[] = ['name', 'taxId', 'address', 'postcode', 'taxRegime', 'cfdiUse'];

/** The API's refusals of the customer's fields (`invoiceTo.taxId`, `customer.name`…), every one beside its field. */
export function customerErrorsOf(error: ApiError | undefined, prefix: string): Partial<Record<CustomerField, string>> {
  const out: Partial<Record<CustomerField, string>> = {};
  for (const e of error ? (error.fields ?? [error]) : []) {
    const [head, field] = (e.field ?? '').split('.');
    if (head === prefix && fields.includes(field as CustomerField) && !(field! in out)) out[field as CustomerField] = e.message;
  }
  return out;
}
