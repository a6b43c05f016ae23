import {
  countSessionTypes,
  deleteSessionType,
  insertService,
  insertSessionType,
  listServices,
  listSessionTypes,
  loadService,
  loadSessionType,
  sessionTypeInUse,
  toService,
  toSessionType,
  updateService,
  updateSessionType,
} from '../db/queries/catalogue';
import { assertNameFree } from '../db/queries/unique-name';
import type { ServicesTable, SessionTypesTable } from '../db/tables/catalogue';
import { newId } from '../engine/ids';
import { paletteColour } from '../engine/palette';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';
import { vatRateToSave } from './vat-rate';

type CatalogueHandlers = Pick<
  Handlers,
  'sessionTypes.list' | 'sessionTypes.create' | 'sessionTypes.update' | 'sessionTypes.delete' | 'services.list' | 'services.create' | 'services.update'
>;

export const catalogueHandlers: CatalogueHandlers = {
  'sessionTypes.list': async (_input, { db }) => listSessionTypes(db),

  'sessionTypes.create': async ({ name, colour, defaultDurationMin, defaultPlaces }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'session_types', name);
    const count = await countSessionTypes(tx);
    const row: SessionTypesTable = {
      id: newId(),
      name,
      name_key: nameKey,
      colour: colour ?? paletteColour(count + 1),
      default_duration_min: defaultDurationMin,
      default_places: defaultPlaces ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertSessionType(tx, row);
    log({ entity: 'session_type', entityId: row.id, changes: { name, colour: row.colour, defaultDurationMin, defaultPlaces } });
    return toSessionType(row);
  },

  'sessionTypes.update': async ({ id, name, colour, defaultDurationMin, defaultPlaces }, { tx, now, log }) => {
    await loadSessionType(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'session_types', name, id);
    await updateSessionType(
      tx,
      id,
      {
        ...(name !== undefined ? { name, name_key: nameKey } : {}),
        ...(colour !== undefined ? { colour } : {}),
        ...(defaultDurationMin !== undefined ? { default_duration_min: defaultDurationMin } : {}),
        ...(defaultPlaces !== undefined ? { default_places: defaultPlaces } : {}),
      },
      now,
    );
    log({ entity: 'session_type', entityId: id, changes: { name, colour, defaultDurationMin, defaultPlaces } });
    return loadSessionType(tx, id);
  },

  'sessionTypes.delete': async ({ id }, { tx, log }) => {
    await loadSessionType(tx, id);
    if (await sessionTypeInUse(tx, id)) throw new AppError('in_use', 'id');
    await deleteSessionType(tx, id);
    log({ entity: 'session_type', entityId: id, changes: { deleted: true } });
    return { id };
  },

  'services.list': async ({ includeInactive }, { db }) => listServices(db, includeInactive ?? false),

  'services.create': async ({ name, durationMin, priceMinor, vatRateBp }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'services', name);
    const vat = await vatRateToSave(tx, vatRateBp, true);
    const row: ServicesTable = {
      id: newId(),
      name,
      name_key: nameKey,
      duration_min: durationMin,
      price_minor: priceMinor,
      vat_rate_bp: vat,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await insertService(tx, row);
    log({ entity: 'service', entityId: row.id, changes: { name, durationMin, priceMinor, vatRateBp: vat } });
    return toService(row);
  },

  'services.update': async ({ id, name, durationMin, priceMinor, vatRateBp, active }, { tx, now, log }) => {
    await loadService(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'services', name, id);
    const vat = await vatRateToSave(tx, vatRateBp, false);
    await updateService(
      tx,
      id,
      {
        ...(name !== undefined ? { name, name_key: nameKey } : {}),
        ...(durationMin !== undefined ? { duration_min: durationMin } : {}),
        ...(priceMinor !== undefined ? { price_minor: priceMinor } : {}),
        ...(vat !== undefined ? { vat_rate_bp: vat } : {}),
        ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
      },
      now,
    );
    log({ entity: 'service', entityId: id, changes: { name, durationMin, priceMinor, vatRateBp, active } });
    return loadService(tx, id);
  },
};
