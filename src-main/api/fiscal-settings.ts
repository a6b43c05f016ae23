import type { CentreFiscal } from '../../src-shared/domain/fiscal';
import type { FiscalSettings } from '../../src-shared/domain/product';
import type { ReadDb } from '../db/database';
import { readCentreFiscal, writeCentreFiscal } from '../db/queries/centre-fiscal';
import { readCentreSettings } from '../db/queries/settings';
import { normalizeTaxId } from '../engine/clients/tax-id';
import { defaultVatRate, vatRatesOf } from '../engine/fiscal/vat-rates';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type FiscalSettingsHandlers = Pick<Handlers, 'fiscal.settings.get' | 'fiscal.settings.set'>;

async function fiscalSettings(db: ReadDb, fiscal?: CentreFiscal | null): Promise<FiscalSettings> {
  const { country } = await readCentreSettings(db);
  const rates = vatRatesOf(country);
  return { fiscal: fiscal === undefined ? await readCentreFiscal(db) : fiscal, vatRates: rates ? [...rates] : null, defaultVatRateBp: defaultVatRate(country) };
}

/** Every field is required, and the tax id must be the country's: all refusals at once, beside each field. */
function checkedFiscal(input: CentreFiscal, country: string): CentreFiscal {
  const problems: AppError[] = [];
  for (const field of ['legalName', 'taxId', 'address', 'postcode', 'city'] as const) {
    if (input[field] === '') problems.push(new AppError('required', field));
  }
  let taxId = input.taxId;
  if (taxId !== '') {
    try {
      // The centre issues the documents: Mexico's generic RFCs are a client's, never the issuer's.
      taxId = normalizeTaxId(input.taxId, country, { issuer: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(error);
    }
  }
  const refusal = AppError.combine(problems);
  if (refusal) throw refusal;
  return { ...input, taxId };
}

export const fiscalSettingsHandlers: FiscalSettingsHandlers = {
  'fiscal.settings.get': async (_input, { db }) => fiscalSettings(db),

  'fiscal.settings.set': async (input, { tx, now, log }) => {
    const { country } = await readCentreSettings(tx);
    const fiscal = checkedFiscal(input, country);
    await writeCentreFiscal(tx, fiscal, now);
    log({ entity: 'centre_fiscal', entityId: 'centre', changes: { ...fiscal } });
    return fiscalSettings(tx, fiscal);
  },
};
