import type { Service, SessionType } from '../../src-shared/domain/catalogue';
import type { WriteTx } from '../db/database';
import { assertNameFree } from '../db/queries/unique-name';
import type { ServicesTable, SessionTypesTable } from '../db/tables/catalogue';
import { newId } from '../engine/ids';
import { paletteColour } from '../engine/palette';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type CatalogueHandlers = Pick<
  Handlers,
  'sessionTypes.list' | 'sessionTypes.create' | 'sessionTypes.update' | 'sessionTypes.delete' | 'services.list' | 'services.create' | 'services.update'
>;

function toSessionType(row: SessionTypesTable): SessionType {
  return { id: row.id, name: row.name, colour: row.colour, defaultDurationMin: row.default_duration_min, defaultPlaces: row.default_places };
}

function toService(row: ServicesTable): Service {
  return { id: row.id, name: row.name, durationMin: row.duration_min, priceMinor: row.price_minor, active: row.active === 1 };
}

async function loadSessionType(tx: WriteTx, id: string): Promise<SessionType> {
  const row = await tx.selectFrom('session_types').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return toSessionType(row);
}

async function loadService(tx: WriteTx, id: string): Promise<Service> {
  const row = await tx.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return toService(row);
}

export const catalogueHandlers: CatalogueHandlers = {
  'sessionTypes.list': async (_input, { db }) =>
    (await db.selectFrom('session_types').selectAll().orderBy('name_key').execute()).map(toSessionType),

  'sessionTypes.create': async ({ name, colour, defaultDurationMin, defaultPlaces }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'session_types', name);
    const count = await tx.selectFrom('session_types').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const row: SessionTypesTable = {
      id: newId(),
      name,
      name_key: nameKey,
      colour: colour ?? paletteColour(Number(count.n) + 1),
      default_duration_min: defaultDurationMin,
      default_places: defaultPlaces ?? null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('session_types').values(row).execute();
    log({ entity: 'session_type', entityId: row.id, changes: { name, colour: row.colour, defaultDurationMin, defaultPlaces } });
    return toSessionType(row);
  },

  'sessionTypes.update': async ({ id, name, colour, defaultDurationMin, defaultPlaces }, { tx, now, log }) => {
    await loadSessionType(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'session_types', name, id);
    await tx
      .updateTable('session_types')
      .set({
        ...(name !== undefined ? { name, name_key: nameKey } : {}),
        ...(colour !== undefined ? { colour } : {}),
        ...(defaultDurationMin !== undefined ? { default_duration_min: defaultDurationMin } : {}),
        ...(defaultPlaces !== undefined ? { default_places: defaultPlaces } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    log({ entity: 'session_type', entityId: id, changes: { name, colour, defaultDurationMin, defaultPlaces } });
    return loadSessionType(tx, id);
  },

  'sessionTypes.delete': async ({ id }, { tx, log }) => {
    await loadSessionType(tx, id);
    const used = await tx.selectFrom('series').select('id').where('session_type_id', '=', id).executeTakeFirst();
    if (used) throw new AppError('in_use', 'id');
    await tx.deleteFrom('session_types').where('id', '=', id).execute();
    log({ entity: 'session_type', entityId: id, changes: { deleted: true } });
    return { id };
  },

  'services.list': async ({ includeInactive }, { db }) => {
    let query = db.selectFrom('services').selectAll().orderBy('name_key');
    if (!includeInactive) query = query.where('active', '=', 1);
    return (await query.execute()).map(toService);
  },

  'services.create': async ({ name, durationMin, priceMinor }, { tx, now, log }) => {
    const nameKey = await assertNameFree(tx, 'services', name);
    const row: ServicesTable = { id: newId(), name, name_key: nameKey, duration_min: durationMin, price_minor: priceMinor, active: 1, created_at: now, updated_at: now };
    await tx.insertInto('services').values(row).execute();
    log({ entity: 'service', entityId: row.id, changes: { name, durationMin, priceMinor } });
    return toService(row);
  },

  'services.update': async ({ id, name, durationMin, priceMinor, active }, { tx, now, log }) => {
    await loadService(tx, id);
    const nameKey = name === undefined ? undefined : await assertNameFree(tx, 'services', name, id);
    await tx
      .updateTable('services')
      .set({
        ...(name !== undefined ? { name, name_key: nameKey } : {}),
        ...(durationMin !== undefined ? { duration_min: durationMin } : {}),
        ...(priceMinor !== undefined ? { price_minor: priceMinor } : {}),
        ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    log({ entity: 'service', entityId: id, changes: { name, durationMin, priceMinor, active } });
    return loadService(tx, id);
  },
};
