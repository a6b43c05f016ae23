import type { ReadDb } from '../db/database';
import { readCentreSettings } from '../db/queries/settings';
import { defaultVatRate, isVatRateOf } from '../engine/fiscal/vat-rates';
import { AppError } from '../errors/app-error';

/**
 * The VAT rate an item is saved with: the one given when the centre's country has it
 * (vat_rate_not_allowed on vatRateBp otherwise), the country's default when none is given on a new
 * item, and undefined (unchanged) when none is given on an edit.
 */
export async function vatRateToSave(db: ReadDb, given: number | undefined, isNew: true): Promise<number>;
export async function vatRateToSave(db: ReadDb, given: number | undefined, isNew: false): Promise<number | undefined>;
export async function vatRateToSave(db: ReadDb, given: number | undefined, isNew: boolean): Promise<number | undefined> {
  if (given === undefined && !isNew) return undefined;
  const { country } = await readCentreSettings(db);
  if (given === undefined) return defaultVatRate(country);
  if (!isVatRateOf(country, given)) throw new AppError('vat_rate_not_allowed', 'vatRateBp');
  return given;
}
