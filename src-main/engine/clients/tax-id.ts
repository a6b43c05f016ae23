import { AppError } from '../../errors/app-error';
import { normalizeCif } from './cif';
import { normalizeDniNie } from './dni';
import { normalizeRfc } from './rfc';
import { normalizeRut } from './rut';

export interface TaxIdOptions {
  /** The centre itself issues the documents: Mexico's generic RFCs (público en general) are refused. */
  issuer?: boolean;
}

const validators: Record<string, (raw: string, options: TaxIdOptions) => string | null> = {
  CL: (raw) => normalizeRut(raw),
  // A person's DNI or NIE, or a company's NIF (CIF).
  ES: (raw) => normalizeDniNie(raw) ?? normalizeCif(raw),
  MX: (raw, options) => normalizeRfc(raw, options.issuer !== true),
};

/** Checks a tax id by the centre's country where we know its rules; elsewhere keeps it as typed. */
export function normalizeTaxId(raw: string, country: string, options: TaxIdOptions = {}): string {
  const validate = validators[country];
  if (!validate) return raw.trim();
  const normalized = validate(raw, options);
  if (normalized === null) throw new AppError('invalid_tax_id', 'taxId');
  return normalized;
}
