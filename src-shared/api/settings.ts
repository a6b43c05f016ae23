import { z } from 'zod';
import type { CentreSettings } from '../domain/centre';
import { languages } from '../domain/centre';
import { command, query, returns } from './define-call';
import { text } from './fields';

export const centreSettingsPatch = z.strictObject({
  name: text(120).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  timeZone: text(64).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  language: z.enum(languages).optional(),
});

export const settingsApi = {
  'settings.get': query(z.strictObject({}), "The centre's name, country, time zone, currency and language", returns<CentreSettings>()),
  'settings.update': command(centreSettingsPatch, "Change the centre's settings", returns<CentreSettings>()),
};
