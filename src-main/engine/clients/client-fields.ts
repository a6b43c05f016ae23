import { z } from 'zod';
import type { ParsedInput } from '../../../src-shared/api/contract';
import type { CustomField } from '../../../src-shared/domain/custom-field';
import { isDateInRange, isLocalDate } from '../../../src-shared/time/calendar-date';
import { AppError } from '../../errors/app-error';
import { fold } from '../text/fold';
import type { ClientCardColumns } from './client-columns';
import { normalizePhone } from './phone';
import { normalizeTaxId } from './tax-id';

type ClientFields = Omit<ParsedInput<'clients.update'>, 'id'>;
type ClientColumns = ClientCardColumns;

export interface ClientRules {
  country: string;
  /** YYYY-MM-DD in the centre's zone: a birth date may not be after it. */
  today: string;
  customFields: CustomField[];
}

const email = z.email();

/**
 * Checks and normalises the card fields present in the input (absent = unchanged, null = cleared)
 * into column values; the custom field values come back apart (null = remove).
 */
export function normalizeClientFields(input: ClientFields, rules: ClientRules) {
  const problems: AppError[] = [];
  /** A field's check: its refusal is kept and the others still run, so every bad field is named at once. */
  const checked = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const columns: Partial<ClientColumns> = {};
  const set = <K extends keyof ClientColumns>(key: K, value: ClientColumns[K] | undefined) => {
    if (value !== undefined) columns[key] = value;
  };
  set('first_name', input.firstName);
  set('last_name', input.lastName);
  set('phone', input.phone == null ? input.phone : checked(() => normalizePhone(input.phone ?? '', rules.country)));
  checked(() => {
    if (input.email != null && !email.safeParse(input.email).success) throw new AppError('invalid_email', 'email');
  });
  set('email', input.email == null ? input.email : input.email.toLowerCase());
  // The contract keeps every date from FIRST_DATE on; a birth date may not be in the future either.
  checked(() => {
    if (input.birthDate != null && input.birthDate > rules.today) throw new AppError('invalid_date', 'birthDate');
  });
  set('birth_date', input.birthDate);
  set('sex', input.sex);
  set('address', input.address);
  set('postal_code', input.postalCode);
  set('city', input.city);
  set('tax_id', input.taxId == null ? input.taxId : checked(() => normalizeTaxId(input.taxId ?? '', rules.country)));
  set('weight_kg', input.weightKg);
  set('height_cm', input.heightCm);
  set('notes', input.notes);
  set('client_group', input.clientGroup);
  set('education', input.education);
  set('profession', input.profession);
  set('referral_source', input.referralSource);
  set('invoicing_codes', input.invoicingCodes);
  const customValues = normalizeCustomValues(input.customFields, rules.customFields, problems);
  const refusal = AppError.combine(problems);
  if (refusal) throw refusal;
  return { columns, customValues };
}

/**
 * The refusals of the card fields the desk checks by hand (phone, email, birth date, tax id), read
 * from an input the contract refused for other fields, so that every bad field is answered at once.
 */
export function clientFieldProblems(raw: unknown, rules: ClientRules): AppError[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const record = raw as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' && record[key].trim() !== '' ? record[key].trim() : undefined);
  try {
    normalizeClientFields({ phone: text('phone'), email: text('email'), birthDate: text('birthDate'), taxId: text('taxId') }, { ...rules, customFields: [] });
    return [];
  } catch (error) {
    return error instanceof AppError ? error.everyField : [];
  }
}

/** A new card's columns: the normalised fields over empty ones, and the folded name it is listed by. */
export function newCardColumns(firstName: string, columns: Partial<ClientCardColumns>): ClientCardColumns {
  const card: ClientCardColumns = {
    first_name: firstName,
    last_name: null,
    sort_name: '',
    phone: null,
    email: null,
    birth_date: null,
    sex: null,
    address: null,
    postal_code: null,
    city: null,
    tax_id: null,
    weight_kg: null,
    height_cm: null,
    notes: null,
    client_group: null,
    education: null,
    profession: null,
    referral_source: null,
    invoicing_codes: null,
    ...columns,
  };
  return { ...card, sort_name: sortName(card.first_name, card.last_name) };
}

export function sortName(firstName: string, lastName: string | null): string {
  return fold(`${lastName ?? ''} ${firstName}`.trim());
}

function normalizeCustomValues(
  values: Record<string, string | number | null> | undefined,
  fields: CustomField[],
  problems: AppError[],
): Map<string, string | null> {
  const result = new Map<string, string | null>();
  for (const [fieldId, value] of Object.entries(values ?? {})) {
    const field = fields.find((f) => f.id === fieldId);
    const path = `customFields.${fieldId}`;
    if (!field) {
      problems.push(new AppError('not_found', path));
      continue;
    }
    if (value === null || value === '') {
      result.set(fieldId, null);
      continue;
    }
    try {
      result.set(fieldId, customValueText(field, value, path));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(error);
    }
  }
  return result;
}

function customValueText(field: CustomField, value: string | number, path: string): string {
  switch (field.kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value.replace(',', '.'));
      if (!Number.isFinite(n)) throw new AppError('invalid_type', path);
      return String(n);
    }
    case 'date':
      if (typeof value !== 'string' || !isLocalDate(value)) throw new AppError('invalid_date', path);
      if (!isDateInRange(value)) throw new AppError('date_out_of_range', path);
      return value;
    case 'choice':
      if (!field.options.includes(String(value))) throw new AppError('invalid_choice', path);
      return String(value);
    case 'text':
      return String(value);
  }
}
