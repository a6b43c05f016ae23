import Papa from 'papaparse';
import type { ImportField } from '../../../../src-shared/domain/client-import';
import type { Language } from '../../../../src-shared/domain/centre';
import type { CustomField } from '../../../../src-shared/domain/custom-field';
import type { ClientCardColumns } from '../client-columns';

/** The columns of an export, in the order of the card; each header reads back to its field on import. */
const exported: { field: Exclude<ImportField, 'fullName'>; column: keyof ClientCardColumns | 'registered_on'; es: string; en: string }[] = [
  { field: 'firstName', column: 'first_name', es: 'Nombre', en: 'First name' },
  { field: 'lastName', column: 'last_name', es: 'Apellidos', en: 'Last name' },
  { field: 'phone', column: 'phone', es: 'Teléfono', en: 'Phone' },
  { field: 'email', column: 'email', es: 'Email', en: 'Email' },
  { field: 'birthDate', column: 'birth_date', es: 'Fecha de nacimiento', en: 'Birth date' },
  { field: 'sex', column: 'sex', es: 'Sexo', en: 'Sex' },
  { field: 'address', column: 'address', es: 'Dirección', en: 'Address' },
  { field: 'postalCode', column: 'postal_code', es: 'Código postal', en: 'Postal code' },
  { field: 'city', column: 'city', es: 'Ciudad', en: 'City' },
  { field: 'taxId', column: 'tax_id', es: 'DNI/NIF', en: 'Tax id' },
  { field: 'weightKg', column: 'weight_kg', es: 'Peso (kg)', en: 'Weight (kg)' },
  { field: 'heightCm', column: 'height_cm', es: 'Altura (cm)', en: 'Height (cm)' },
  { field: 'notes', column: 'notes', es: 'Notas', en: 'Notes' },
  { field: 'clientGroup', column: 'client_group', es: 'Grupo de clientes', en: 'Client group' },
  { field: 'education', column: 'education', es: 'Formación', en: 'Education' },
  { field: 'profession', column: 'profession', es: 'Profesión', en: 'Profession' },
  { field: 'referralSource', column: 'referral_source', es: 'Cómo nos conoció', en: 'Referral source' },
  { field: 'invoicingCodes', column: 'invoicing_codes', es: 'Códigos de facturación', en: 'Invoicing codes' },
  { field: 'registeredOn', column: 'registered_on', es: 'Fecha de alta', en: 'Registered on' },
];

const sexNames = { es: { female: 'Mujer', male: 'Hombre', other: 'Otro' }, en: { female: 'Female', male: 'Male', other: 'Other' } };

export type ExportRow = ClientCardColumns & { id: string; registered_on: string };

/**
 * Excel runs a cell that starts with = + - @ as a formula (CSV injection): such a cell gets a
 * leading apostrophe, which the import takes off. A number or a phone (+34…) is left alone.
 */
function guarded(text: string): string {
  return /^'*[=+\-@]/.test(text) && !/^[+-]?[\d\s.,]+$/.test(text) ? `'${text}` : text;
}

/**
 * The client list as CSV for Spanish Excel: `;` between fields (Excel in a comma-decimal locale
 * splits on it), decimal commas, dates as YYYY-MM-DD, CRLF lines, and a UTF-8 BOM so accents open right.
 */
export function clientsCsv(rows: readonly ExportRow[], customValues: ReadonlyMap<string, ReadonlyMap<string, string>>, customFields: readonly CustomField[], language: Language): string {
  const header = [...exported.map((c) => c[language]), ...customFields.map((f) => f.label)];
  const body = rows.map((row) => {
    const values = customValues.get(row.id);
    return [
      ...exported.map(({ column }) => {
        const value = row[column];
        if (value === null) return '';
        if (column === 'sex') return sexNames[language][value as 'female'];
        if (typeof value === 'number') return String(value).replace('.', ',');
        return guarded(value);
      }),
      ...customFields.map((f) => guarded(values?.get(f.id) ?? '').replace(/^(-?\d+)\.(\d+)$/, f.kind === 'number' ? '$1,$2' : '$&')),
    ];
  });
  return `\uFEFF${Papa.unparse([header, ...body], { delimiter: ';', newline: '\r\n' })}\r\n`;
}
