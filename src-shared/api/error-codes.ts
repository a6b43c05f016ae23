/** Every error code the API can answer with; each has a message in src-shared/i18n. */
export const errorCodes = [
  'unknown_call',
  'invalid_input',
  'required',
  'too_long',
  'too_short',
  'out_of_range',
  'invalid_type',
  'invalid_choice',
  'invalid_phone',
  'invalid_email',
  'invalid_tax_id',
  'invalid_date',
  'invalid_time_zone',
  'invalid_currency',
  'not_found',
  'duplicate_name',
  'database_newer',
  'database_busy',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
