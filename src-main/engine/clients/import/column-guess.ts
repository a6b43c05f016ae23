import type { ColumnMapping, ColumnTarget, ImportField } from '../../../../src-shared/domain/client-import';
import type { CustomField } from '../../../../src-shared/domain/custom-field';
import { foldedWords } from '../../text/fold';

/** Header names other systems and spreadsheets use, folded (lower case, no accents, words by single spaces). */
const synonyms: Record<ImportField, string[]> = {
  firstName: ['nombre', 'nombres', 'nombre de pila', 'first name', 'firstname', 'given name', 'forename', 'name first'],
  lastName: ['apellidos', 'apellido', 'primer apellido', 'last name', 'lastname', 'surname', 'family name', 'name last'],
  fullName: ['nombre completo', 'nombre y apellidos', 'nombre apellidos', 'cliente', 'full name', 'fullname', 'name', 'client', 'customer', 'client name', 'customer name'],
  phone: ['telefono', 'movil', 'celular', 'telefono movil', 'tel', 'tlf', 'tfno', 'whatsapp', 'phone', 'mobile', 'mobile phone', 'cell', 'cell phone', 'phone number', 'telephone'],
  email: ['email', 'e mail', 'correo', 'correo electronico', 'mail', 'email address', 'e mail address'],
  birthDate: ['fecha de nacimiento', 'fecha nacimiento', 'nacimiento', 'cumpleanos', 'f nacimiento', 'birth date', 'birthdate', 'date of birth', 'dob', 'birthday'],
  sex: ['sexo', 'genero', 'sex', 'gender'],
  address: ['direccion', 'domicilio', 'calle', 'address', 'street', 'street address', 'address line 1'],
  postalCode: ['cp', 'c p', 'codigo postal', 'cod postal', 'postal code', 'postcode', 'zip', 'zip code'],
  city: ['ciudad', 'localidad', 'poblacion', 'municipio', 'comuna', 'city', 'town'],
  taxId: ['dni', 'nif', 'nie', 'rut', 'cif', 'dni nif', 'dni nie', 'nif rut', 'documento', 'documento de identidad', 'codigo fiscal', 'tax id', 'taxid', 'vat', 'vat number', 'id number', 'national id'],
  weightKg: ['peso', 'peso kg', 'weight', 'weight kg'],
  heightCm: ['altura', 'estatura', 'altura cm', 'estatura cm', 'height', 'height cm'],
  notes: ['notas', 'nota', 'observaciones', 'comentarios', 'alergias', 'notes', 'note', 'comments', 'remarks'],
  clientGroup: ['grupo', 'grupo de clientes', 'grupo de cliente', 'client group', 'customer group', 'group'],
  education: ['formacion', 'estudios', 'education'],
  profession: ['profesion', 'ocupacion', 'trabajo', 'profession', 'occupation', 'job'],
  referralSource: ['como nos conocio', 'como nos conociste', 'origen', 'procedencia', 'referido por', 'referral', 'referral source', 'source', 'how did you hear about us'],
  invoicingCodes: ['codigos de facturacion', 'codigo de facturacion', 'facturacion', 'invoicing codes', 'invoicing code', 'billing code'],
  registeredOn: ['fecha de alta', 'alta', 'cliente desde', 'fecha de registro', 'registro', 'registered', 'registered on', 'client since', 'customer since', 'created', 'date added'],
};

const byHeader = new Map<string, ImportField>();
for (const [field, names] of Object.entries(synonyms) as [ImportField, string[]][]) {
  for (const name of names) byHeader.set(name, field);
}

export const headerKey = (header: string) => foldedWords(header).join(' ');

/**
 * The column each header most likely fills: a custom field by its label first (the centre named
 * it), then the common Spanish and English names; each field is given to one column at most.
 */
export function guessMapping(headers: readonly string[], customFields: readonly CustomField[]): ColumnMapping {
  const used = new Set<ColumnTarget>();
  return headers.map((header) => {
    const key = headerKey(header);
    const custom = customFields.find((f) => headerKey(f.label) === key);
    const target: ColumnTarget | undefined = custom ? `custom:${custom.id}` : byHeader.get(key);
    if (!target || used.has(target)) return null;
    used.add(target);
    return target;
  });
}
