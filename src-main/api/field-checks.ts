import type { ReadDb } from '../db/database';
import { readCentreSettings } from '../db/queries/settings';
import { clientFieldProblems } from '../engine/clients/client-fields';
import { localDate } from '../engine/time/local-date';
import type { AppError } from '../errors/app-error';

/**
 * The checks a handler makes by hand on its fields (a phone read with the centre's country, an
 * email), run as well when the contract refused the input for another field: the answer then names
 * every bad field at once, not only the ones zod saw.
 */
export const fieldChecks: Partial<Record<string, (db: ReadDb, raw: unknown, now: Date) => Promise<AppError[]>>> = {
  'clients.create': clientChecks,
  'clients.update': clientChecks,
};

async function clientChecks(db: ReadDb, raw: unknown, now: Date): Promise<AppError[]> {
  const settings = await readCentreSettings(db);
  return clientFieldProblems(raw, { country: settings.country, today: localDate(now, settings.timeZone), customFields: [] });
}
