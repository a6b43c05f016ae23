import type { CentreSettings } from '../../../src-shared/domain/centre';
import { localDate } from '../../engine/time/local-date';
import type { ReadDb, WriteTx } from '../database';
import { precompiled } from '../precompiled';

/** What a new centre starts with, until the desk sets its own. */
export const defaultCentreSettings: CentreSettings = {
  name: 'Mi centro',
  country: 'ES',
  timeZone: 'Europe/Madrid',
  currency: 'EUR',
  language: 'es',
  lockAfterMinutes: 10,
  checkInMinutesBefore: 60,
};

// Read by nearly every call, writes included: built once.
const centreSettingsRow = precompiled((db) => db.selectFrom('centre_settings').selectAll().where('id', '=', 'centre'));

export async function readCentreSettings(db: ReadDb): Promise<CentreSettings> {
  const [row] = await centreSettingsRow(db, {});
  if (!row) return defaultCentreSettings;
  return {
    name: row.name,
    country: row.country,
    timeZone: row.time_zone,
    currency: row.currency,
    language: row.language,
    lockAfterMinutes: row.lock_after_min,
    checkInMinutesBefore: row.check_in_before_min,
  };
}

/** The centre's today (its local date) at an instant. */
export async function centreToday(db: ReadDb, at: Date = new Date()): Promise<string> {
  return localDate(at, (await readCentreSettings(db)).timeZone);
}

export async function writeCentreSettings(tx: WriteTx, settings: CentreSettings, now: string): Promise<void> {
  const values = {
    name: settings.name,
    country: settings.country,
    time_zone: settings.timeZone,
    currency: settings.currency,
    language: settings.language,
    lock_after_min: settings.lockAfterMinutes,
    check_in_before_min: settings.checkInMinutesBefore,
    updated_at: now,
  };
  await tx
    .insertInto('centre_settings')
    .values({ id: 'centre', ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
