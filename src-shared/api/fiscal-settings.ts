import { z } from 'zod';
import type { FiscalSettings } from '../domain/product';
import { everyone, managers } from './access';
import { command, query, returns } from './define-call';

/** A field of the fiscal data: required, but checked in main so every missing one is answered at once with the tax id's. */
const field = (max: number) => z.string().trim().max(max);

export const fiscalSettingsApi = {
  'fiscal.settings.get': query(
    z.strictObject({}),
    "The centre's fiscal data as every document prints it (null until filled) and the country's VAT rates in basis points, the default first",
    returns<FiscalSettings>(),
    everyone,
  ),
  'fiscal.settings.set': command(
    z.strictObject({ legalName: field(200), taxId: field(30), address: field(200), postcode: field(12), city: field(100) }),
    "Set the centre's legal name, tax id (checked for the centre's country: NIF/CIF/NIE, RUT, RFC), address, postcode and city",
    returns<FiscalSettings>(),
    managers,
  ),
};
