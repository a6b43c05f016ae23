import { z } from 'zod';
import type { CentreSettings } from '../domain/centre';
import { languages } from '../domain/centre';
import { command, query, returns } from './define-call';
import { text } from './fields';
import { managers, signInScreen } from './access';

export const centreSettingsPatch = z.strictObject({
  name: text(120).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  timeZone: text(64).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  language: z.enum(languages).optional(),
  lockAfterMinutes: z.number().int().min(0).max(240).optional(),
  checkInMinutesBefore: z.number().int().min(0).max(1440).optional(),
});

export const settingsApi = {
  'settings.get': query(z.strictObject({}), "The centre's name, country, time zone, currency and language", returns<CentreSettings>(), signInScreen),
  'settings.update': command(centreSettingsPatch, "Change the centre's settings", returns<CentreSettings>(), managers),
};
