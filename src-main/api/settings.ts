import { readCentreSettings, writeCentreSettings } from '../db/queries/settings';
import { isTimeZone } from '../engine/time/local-date';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.update'>;

const currencies = new Set(Intl.supportedValuesOf('currency'));

export const settingsHandlers: SettingsHandlers = {
  'settings.get': async (_input, { db }) => readCentreSettings(db),

  'settings.update': async (patch, { tx, now, log }) => {
    if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) throw new AppError('invalid_time_zone', 'timeZone');
    if (patch.currency !== undefined && !currencies.has(patch.currency)) throw new AppError('invalid_currency', 'currency');
    const settings = { ...(await readCentreSettings(tx)), ...withoutUndefined(patch) };
    await writeCentreSettings(tx, settings, now);
    log({ entity: 'centre_settings', entityId: 'centre', changes: patch });
    return settings;
  },
};

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
