import { z } from 'zod';
import type { Service, SessionType } from '../domain/catalogue';
import { command, query, returns } from './define-call';
import { colour, durationMin, id, places, text, vatRateBp } from './fields';
import { everyone, managers } from './access';

const priceMinor = z.number().int().min(0).max(100_000_000);

export const catalogueApi = {
  'sessionTypes.list': query(z.strictObject({}), 'The kinds of group session, by name', returns<SessionType[]>(), everyone),
  'sessionTypes.create': command(
    z.strictObject({ name: text(80), colour: colour.optional(), defaultDurationMin: durationMin, defaultPlaces: places.nullable().optional() }),
    'Add a kind of group session',
    returns<SessionType>(),
    managers,
  ),
  'sessionTypes.update': command(
    z.strictObject({
      id,
      name: text(80).optional(),
      colour: colour.optional(),
      defaultDurationMin: durationMin.optional(),
      defaultPlaces: places.nullable().optional(),
    }),
    'Change a kind of group session',
    returns<SessionType>(),
    managers,
  ),
  'sessionTypes.delete': command(z.strictObject({ id }), 'Remove a kind of session no series uses', returns<{ id: string }>(), managers),
  'services.list': query(
    z.strictObject({ includeInactive: z.boolean().optional() }),
    'The services the centre sells, by name',
    returns<Service[]>(),
    everyone,
  ),
  'services.create': command(
    z.strictObject({ name: text(80), durationMin, priceMinor, vatRateBp: vatRateBp.optional() }),
    "Add a service (price in minor units of the currency, VAT included; VAT: the country's default when absent)",
    returns<Service>(),
    managers,
  ),
  'services.update': command(
    z.strictObject({ id, name: text(80).optional(), durationMin: durationMin.optional(), priceMinor: priceMinor.optional(), vatRateBp: vatRateBp.optional(), active: z.boolean().optional() }),
    'Change a service, or retire it (active: false)',
    returns<Service>(),
    managers,
  ),
};
