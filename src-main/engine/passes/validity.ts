import type { PassValidity } from '../../../src-shared/domain/passes';
import { addDays } from '../../../src-shared/time/calendar-date';

/**
 * The last local date (inclusive) a pass sold on `saleDate` is valid: N days counts the sale day
 * as the first (N = 1 lasts that day only); a fixed date is that date.
 */
export function validUntilOf(validity: PassValidity, saleDate: string): string {
  return validity.kind === 'days' ? addDays(saleDate, validity.days - 1) : validity.date;
}

/** Valid on a local date: within valid_from..valid_until, both inclusive. */
export function isValidOn(pass: { validFrom: string; validUntil: string }, date: string): boolean {
  return pass.validFrom <= date && date <= pass.validUntil;
}

/** Past its last day, as of the centre's today. */
export function isExpired(pass: { validUntil: string }, today: string): boolean {
  return pass.validUntil < today;
}
