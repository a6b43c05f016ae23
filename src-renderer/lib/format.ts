import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { currentLocale } from '../i18n';

/** A calendar date (YYYY-MM-DD) in the UI locale, never shifted by a time zone. */
export function formatDate(isoDate: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
  if (!isoDate) return '';
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: style, timeZone: 'UTC' }).format(d);
}

/** An instant (ISO) as a date in the centre's time zone. */
export function formatInstantDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(d);
  }
}

export function formatNumber(n: number | null | undefined, maximumFractionDigits = 2): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits }).format(n);
}

const formattedPhones = new Map<string, string>();

/** +34612345678 → +34 612 34 56 78 (remembered: a long list, the Hoy board, parses each number once). */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  let formatted = formattedPhones.get(e164);
  if (formatted === undefined) {
    formatted = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
    if (formattedPhones.size > 5_000) formattedPhones.clear();
    formattedPhones.set(e164, formatted);
  }
  return formatted;
}

/** https://wa.me/<digits>: the E.164 number without "+". */
export function whatsappUrl(e164: string, text?: string): string {
  const base = `https://wa.me/${e164.replace(/\D/g, '')}`;
  return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}

export function ageOn(birthDate: string, today = new Date()): number | null {
  const [y, m, d] = birthDate.split('-').map(Number);
  if (!y || !m || !d) return null;
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age >= 0 && age < 150 ? age : null;
}

export function fullName(c: { firstName: string; lastName: string | null }): string {
  return c.lastName ? `${c.firstName} ${c.lastName}` : c.firstName;
}

/** Countries offered in Ajustes (names come from Intl.DisplayNames in the UI language). */
export const countries = ['ES', 'CL', 'MX', 'AR', 'CO', 'PE', 'UY', 'EC', 'BO', 'PY', 'VE', 'CR', 'PA', 'GT', 'DO', 'PR', 'US', 'GB', 'PT', 'FR', 'IT', 'DE'] as const;

/** What most centres of a country use: suggested when the country changes. */
export const countryDefaults: Record<string, { currency: string; timeZone: string }> = {
  ES: { currency: 'EUR', timeZone: 'Europe/Madrid' },
  CL: { currency: 'CLP', timeZone: 'America/Santiago' },
  MX: { currency: 'MXN', timeZone: 'America/Mexico_City' },
  AR: { currency: 'ARS', timeZone: 'America/Argentina/Buenos_Aires' },
  CO: { currency: 'COP', timeZone: 'America/Bogota' },
  PE: { currency: 'PEN', timeZone: 'America/Lima' },
  UY: { currency: 'UYU', timeZone: 'America/Montevideo' },
  EC: { currency: 'USD', timeZone: 'America/Guayaquil' },
  BO: { currency: 'BOB', timeZone: 'America/La_Paz' },
  PY: { currency: 'PYG', timeZone: 'America/Asuncion' },
  VE: { currency: 'VES', timeZone: 'America/Caracas' },
  CR: { currency: 'CRC', timeZone: 'America/Costa_Rica' },
  PA: { currency: 'PAB', timeZone: 'America/Panama' },
  GT: { currency: 'GTQ', timeZone: 'America/Guatemala' },
  DO: { currency: 'DOP', timeZone: 'America/Santo_Domingo' },
  PR: { currency: 'USD', timeZone: 'America/Puerto_Rico' },
  US: { currency: 'USD', timeZone: 'America/New_York' },
  GB: { currency: 'GBP', timeZone: 'Europe/London' },
  PT: { currency: 'EUR', timeZone: 'Europe/Lisbon' },
  FR: { currency: 'EUR', timeZone: 'Europe/Paris' },
  IT: { currency: 'EUR', timeZone: 'Europe/Rome' },
  DE: { currency: 'EUR', timeZone: 'Europe/Berlin' },
};

export function displayName(type: 'region' | 'currency', code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Madrid', 'America/Santiago', 'America/Mexico_City', 'UTC'];
  }
}
