import type { InvoiceCustomer } from '../../src-shared/domain/fiscal';
import { normalizeTaxId } from '../engine/clients/tax-id';
import { AppError } from '../errors/app-error';

interface CustomerInput {
  name: string;
  taxId: string;
  address?: string | null | undefined;
  postcode?: string | null | undefined;
  taxRegime?: string | undefined;
  cfdiUse?: string | undefined;
}

/**
 * A full invoice's customer, checked for the centre's country, every bad field at once under
 * `field` (invoiceTo.taxId…): the tax id by the country's rules; Mexico's CFDI 4.0 also needs the
 * postcode, the tax regime and the CFDI use.
 */
export function customerOf(input: CustomerInput, country: string, field: string): InvoiceCustomer {
  const problems: AppError[] = [];
  let taxId = input.taxId;
  try {
    taxId = normalizeTaxId(input.taxId, country);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems.push(new AppError(error.code, `${field}.taxId`));
  }
  if (country === 'MX') {
    if (!input.postcode) problems.push(new AppError('required', `${field}.postcode`));
    if (!input.taxRegime) problems.push(new AppError('required', `${field}.taxRegime`));
    if (!input.cfdiUse) problems.push(new AppError('required', `${field}.cfdiUse`));
  }
  const problem = AppError.combine(problems);
  if (problem) throw problem;
  return {
    name: input.name,
    taxId,
    address: input.address ?? null,
    postcode: input.postcode ?? null,
    taxRegime: input.taxRegime ?? null,
    cfdiUse: input.cfdiUse ?? null,
  };
}
