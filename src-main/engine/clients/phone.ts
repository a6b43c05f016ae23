import type { CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { AppError } from '../../errors/app-error';

/** A phone as typed, read with the centre's country as default, stored as E.164 (+34612345678). */
export function normalizePhone(raw: string, country: string): string {
  try {
    const phone = parsePhoneNumberWithError(raw, { defaultCountry: country as CountryCode });
    if (!phone.isValid()) throw new AppError('invalid_phone', 'phone');
    return phone.number;
  } catch {
    throw new AppError('invalid_phone', 'phone');
  }
}

/** The digit strings a phone is found by: international (34612345678) and national (612345678). */
export function phoneSearchWords(e164: string): string[] {
  try {
    const phone = parsePhoneNumberWithError(e164);
    return [e164.slice(1), phone.nationalNumber];
  } catch {
    return [e164.replace(/\D/g, '')];
  }
}
