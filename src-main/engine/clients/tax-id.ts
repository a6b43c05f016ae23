import { AppError } from '../../errors/app-error';
import { normalizeDniNie } from './dni';
import { normalizeRut } from './rut';

const validators: Record<string, (raw: string) => string | null> = {
  CL: normalizeRut,
  ES: normalizeDniNie,
};

/** Checks a tax id by the centre's country where we know its rules; elsewhere keeps it as typed. */
export function normalizeTaxId(raw: string, country: string): string {
  const validate = validators[country];
  if (!validate) return raw.trim();
  const normalized = validate(raw);
  if (normalized === null) throw new AppError('invalid_tax_id', 'taxId');
  return normalized;
}
