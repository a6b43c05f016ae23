import { readCentreSettings, writeCentreSettings } from '../db/queries/settings';
import { centreSettingsProblems } from '../engine/settings/settings-fields';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.update'>;

export const settingsHandlers: SettingsHandlers = {
  'settings.get': async (_input, { db }) => readCentreSettings(db),

  'settings.update': async (patch, { tx, now, log }) => {
    const refusal = AppError.combine(centreSettingsProblems(patch));
    if (refusal) throw refusal;
    const settings = { ...(await readCentreSettings(tx)), ...withoutUndefined(patch) };
    await writeCentreSettings(tx, settings, now);
    log({ entity: 'centre_settings', entityId: 'centre', changes: patch });
    return settings;
  },
};

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
