import type { ErrorCode } from '../api/error-codes';
import type { Language } from '../domain/centre';

/** The message of every API error code, in each UI language. `{{limit}}` is filled in when known. */
export const errorMessages: Record<Language, Record<ErrorCode, string>> = {
  es: {
    unknown_call: 'Operación desconocida.',
    invalid_input: 'El dato no es válido.',
    required: 'Este campo es obligatorio.',
    too_long: 'Es demasiado largo (máximo {{limit}}).',
    too_short: 'Es demasiado corto (mínimo {{limit}}).',
    out_of_range: 'El valor está fuera del rango permitido.',
    invalid_type: 'El tipo de dato no es el esperado.',
    invalid_choice: 'Elige una de las opciones.',
    invalid_phone: 'El teléfono no es válido.',
    invalid_email: 'El correo electrónico no es válido.',
    invalid_tax_id: 'El documento de identidad no es válido para el país del centro.',
    invalid_date: 'La fecha no es válida.',
    invalid_time_zone: 'La zona horaria no existe.',
    invalid_currency: 'La moneda no existe.',
    not_found: 'No existe o ya fue eliminado.',
    duplicate_name: 'Ya existe uno con ese nombre.',
    database_newer:
      'La base de datos es de una versión más nueva de Mostrador. Actualiza la aplicación; no se ha modificado nada.',
    database_busy: 'La base de datos está ocupada por otro puesto. Inténtalo de nuevo.',
    internal: 'Ha ocurrido un error inesperado. No se ha guardado nada.',
  },
  en: {
    unknown_call: 'Unknown operation.',
    invalid_input: 'This value is not valid.',
    required: 'This field is required.',
    too_long: 'Too long (at most {{limit}}).',
    too_short: 'Too short (at least {{limit}}).',
    out_of_range: 'The value is out of the allowed range.',
    invalid_type: 'This value is not of the expected type.',
    invalid_choice: 'Choose one of the options.',
    invalid_phone: 'The phone number is not valid.',
    invalid_email: 'The email address is not valid.',
    invalid_tax_id: "The tax id is not valid for the centre's country.",
    invalid_date: 'The date is not valid.',
    invalid_time_zone: 'Unknown time zone.',
    invalid_currency: 'Unknown currency.',
    not_found: 'It does not exist or was deleted.',
    duplicate_name: 'One with this name already exists.',
    database_newer: 'The database belongs to a newer version of Mostrador. Update the app; nothing was changed.',
    database_busy: 'The database is busy at another desk. Try again.',
    internal: 'Something unexpected went wrong. Nothing was saved.',
  },
};

export function errorMessage(language: Language, code: ErrorCode, params: { limit?: number } = {}): string {
  const template = errorMessages[language][code];
  return params.limit === undefined ? template.replace(/ \((máximo|mínimo|at most|at least) \{\{limit\}\}\)/, '') : template.replace('{{limit}}', String(params.limit));
}
