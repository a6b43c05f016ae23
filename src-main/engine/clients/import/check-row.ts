import type { ParsedInput } from '../../../../src-shared/api/contract';
import type { ColumnMapping, ColumnTarget } from '../../../../src-shared/domain/client-import';
import { isDateInRange, isLocalDate, pad } from '../../../../src-shared/time/calendar-date';
import { AppError } from '../../../errors/app-error';
import type { ClientCardColumns } from '../client-columns';
import type { ClientRules } from '../client-fields';
import { newCardColumns, normalizeClientFields } from '../client-fields';
import type { CsvRow } from './csv-read';

/**
 * The contract's own parse of a clients.create input (its schema, its error codes), given by the
 * caller: the engine does not reach into src-main/api for it.
 */
export type CardParser = (input: unknown) => { ok: true; data: ParsedInput<'clients.create'> } | { ok: false; errors: AppError[] };

export interface ImportRules extends ClientRules {
  parseCard: CardParser;
}

export interface ImportedClient {
  line: number;
  columns: ClientCardColumns;
  registeredOn: string;
  customValues: Map<string, string | null>;
}

export interface FieldProblem {
  /** The mapping target at fault (a column's field), or null for the row. */
  field: ColumnTarget | null;
  error: AppError;
  duplicateOf?: { clientId: string; clientName: string } | { row: number };
}

/** A mapping must give a column to the name, and each field to one column only. */
export function checkMapping(mapping: ColumnMapping, columnCount: number, rules: Pick<ClientRules, 'customFields'>): void {
  const problems: AppError[] = [];
  const seen = new Set<ColumnTarget>();
  mapping.forEach((target, index) => {
    if (target === null) return;
    if (index >= columnCount) problems.push(new AppError('invalid_input', `mapping.${index}`));
    else if (seen.has(target)) problems.push(new AppError('mapping_twice', `mapping.${index}`));
    else if (target.startsWith('custom:') && !rules.customFields.some((f) => `custom:${f.id}` === target)) {
      problems.push(new AppError('not_found', `mapping.${index}`));
    }
    seen.add(target);
  });
  if (!seen.has('firstName') && !seen.has('fullName')) problems.push(new AppError('mapping_needs_name', 'mapping'));
  const refusal = AppError.combine(problems);
  if (refusal) throw refusal;
}

/** D/M/YYYY, D-M-YYYY, D.M.YYYY (as Spanish spreadsheets write them) or YYYY-MM-DD, a time after it ignored; else as given. */
export function importDate(text: string): string {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  if (!parts) return text;
  const date = `${parts[0]}-${pad(Number(parts[1]))}-${pad(Number(parts[2]))}`;
  return isLocalDate(date) ? date : text;
}

const sexWords: Record<string, 'female' | 'male' | 'other'> = {
  mujer: 'female', femenino: 'female', f: 'female', female: 'female', woman: 'female', w: 'female',
  hombre: 'male', masculino: 'male', h: 'male', varon: 'male', male: 'male', man: 'male',
  otro: 'other', otra: 'other', other: 'other', x: 'other', 'no binario': 'other', 'non binary': 'other',
};

function importSex(text: string): string {
  const key = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z ]/g, ' ').trim();
  return sexWords[key] ?? text;
}

/** "62,5" or "62.5"; anything else is left for the contract to refuse. */
function importNumber(text: string): number | string {
  const n = Number(text.replace(',', '.'));
  return /^-?\d+([.,]\d+)?$/.test(text) && Number.isFinite(n) ? n : text;
}

/** Our own export guards a cell Excel would run as a formula with a leading apostrophe: take it off. */
function cellText(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  return /^'+[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** "García López, Lucía" or "Lucía García López": first name, then the rest as last name. */
function splitFullName(text: string): { firstName: string; lastName: string | null } {
  const comma = text.indexOf(',');
  if (comma > 0) return { firstName: text.slice(comma + 1).trim(), lastName: text.slice(0, comma).trim() || null };
  const [first = '', ...rest] = text.split(/\s+/);
  return { firstName: first, lastName: rest.length > 0 ? rest.join(' ') : null };
}

/** The phone, email, birth date, tax id and custom field checks alone, for a row the schema refused. */
function handCheckedProblems(input: Record<string, unknown>, rules: ClientRules): AppError[] {
  const text = (key: string) => (typeof input[key] === 'string' ? input[key] : undefined);
  const custom = input.customFields as Record<string, string> | undefined;
  try {
    normalizeClientFields({ phone: text('phone'), email: text('email'), birthDate: text('birthDate'), taxId: text('taxId'), customFields: custom }, rules);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.everyField;
  }
}

/**
 * One CSV row as a card, checked by the same rules as clients.create (the contract's schema, then
 * the phone, email, birth date, tax id and custom field checks of normalizeClientFields): the
 * card's columns, or every problem of the row.
 */
export function checkRow(row: CsvRow, mapping: ColumnMapping, rules: ImportRules): ImportedClient | FieldProblem[] {
  const input: Record<string, unknown> = {};
  const customFields: Record<string, string | number> = {};
  // Assigned in the loop below (a closure TypeScript does not follow).
  let fullName = null as string | null;
  let registered = null as string | null;
  mapping.forEach((target, index) => {
    const text = cellText(row.cells[index]);
    if (target === null || text === '') return;
    if (target.startsWith('custom:')) {
      const fieldId = target.slice('custom:'.length);
      const kind = rules.customFields.find((f) => f.id === fieldId)?.kind;
      customFields[fieldId] = kind === 'date' ? importDate(text) : text;
    } else if (target === 'fullName') fullName = text;
    else if (target === 'registeredOn') registered = importDate(text);
    else if (target === 'birthDate') input.birthDate = importDate(text);
    else if (target === 'sex') input.sex = importSex(text);
    else if (target === 'weightKg' || target === 'heightCm') input[target] = importNumber(text);
    else input[target] = text;
  });
  const nameFromFull = fullName !== null && input.firstName === undefined;
  if (fullName !== null && nameFromFull) {
    const split = splitFullName(fullName);
    input.firstName = split.firstName;
    if (input.lastName === undefined && split.lastName) input.lastName = split.lastName;
  }
  if (Object.keys(customFields).length > 0) input.customFields = customFields;

  const problems: FieldProblem[] = [];
  const targetOf = (field: string | undefined): ColumnTarget | null => {
    if (!field) return null;
    if (field.startsWith('customFields.')) return `custom:${field.slice('customFields.'.length)}`;
    if (field === 'firstName' && nameFromFull) return 'fullName';
    return field as ColumnTarget;
  };
  const registeredOn = registered ?? rules.today;
  if (!isLocalDate(registeredOn) || !isDateInRange(registeredOn) || registeredOn > rules.today) {
    problems.push({ field: 'registeredOn', error: new AppError('invalid_date', 'registeredOn') });
  }
  const parsed = rules.parseCard(input);
  if (!parsed.ok) {
    // Still name the hand-checked fields (phone, tax id…) of a row the schema refused for others.
    const others = parsed.errors;
    const fields = new Set(others.map((e) => e.field));
    const extra = handCheckedProblems(input, rules).filter((e) => !fields.has(e.field));
    for (const error of [...others, ...extra]) problems.push({ field: targetOf(error.field), error });
    return problems;
  }
  try {
    const { columns, customValues } = normalizeClientFields(parsed.data, rules);
    if (problems.length > 0) return problems;
    const card = newCardColumns(parsed.data.firstName, columns);
    return { line: row.line, columns: card, registeredOn, customValues };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const e of error.everyField) problems.push({ field: targetOf(e.field), error: e });
    return problems;
  }
}
