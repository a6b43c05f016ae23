import type { Service, SessionType } from '../../../src-shared/domain/catalogue';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { ServicesTable, SessionTypesTable } from '../tables/catalogue';

export type SessionTypeChanges = Partial<Pick<SessionTypesTable, 'name' | 'name_key' | 'colour' | 'default_duration_min' | 'default_places'>>;
export type ServiceChanges = Partial<Pick<ServicesTable, 'name' | 'name_key' | 'duration_min' | 'price_minor' | 'vat_rate_bp' | 'active'>>;

export function toSessionType(row: SessionTypesTable): SessionType {
  return { id: row.id, name: row.name, colour: row.colour, defaultDurationMin: row.default_duration_min, defaultPlaces: row.default_places };
}

export function toService(row: ServicesTable): Service {
  return { id: row.id, name: row.name, durationMin: row.duration_min, priceMinor: row.price_minor, vatRateBp: row.vat_rate_bp, active: row.active === 1 };
}

export async function loadSessionType(db: ReadDb, id: string): Promise<SessionType> {
  const row = await db.selectFrom('session_types').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return toSessionType(row);
}

export async function listSessionTypes(db: ReadDb): Promise<SessionType[]> {
  return (await db.selectFrom('session_types').selectAll().orderBy('name_key').execute()).map(toSessionType);
}

export async function countSessionTypes(db: ReadDb): Promise<number> {
  const count = await db.selectFrom('session_types').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(count.n);
}

export async function assertSessionTypeExists(db: ReadDb, id: string, field: string): Promise<void> {
  const type = await db.selectFrom('session_types').select('id').where('id', '=', id).executeTakeFirst();
  if (!type) throw new AppError('not_found', field);
}

/** Whether some series is of this session type. */
/** A session type a series or a pass product names cannot go (passes sold keep their own copy of the ids). */
export async function sessionTypeInUse(db: ReadDb, id: string): Promise<boolean> {
  const series = await db.selectFrom('series').select('id').where('session_type_id', '=', id).executeTakeFirst();
  if (series) return true;
  return (await db.selectFrom('pass_product_session_types').select('product_id').where('session_type_id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertSessionType(tx: WriteTx, row: SessionTypesTable): Promise<void> {
  await tx.insertInto('session_types').values(row).execute();
}

export async function updateSessionType(tx: WriteTx, id: string, changes: SessionTypeChanges, now: string): Promise<void> {
  await tx
    .updateTable('session_types')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteSessionType(tx: WriteTx, id: string): Promise<void> {
  await tx.deleteFrom('session_types').where('id', '=', id).execute();
}

export async function loadService(db: ReadDb, id: string): Promise<Service> {
  const row = await db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return toService(row);
}

export async function listServices(db: ReadDb, includeInactive: boolean): Promise<Service[]> {
  let query = db.selectFrom('services').selectAll().orderBy('name_key');
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.execute()).map(toService);
}

/** Whether the service is offered; not_found on `field` when there is none. */
export async function serviceIsActive(db: ReadDb, id: string, field = 'serviceId'): Promise<boolean> {
  const service = await db.selectFrom('services').select(['id', 'active']).where('id', '=', id).executeTakeFirst();
  if (!service) throw new AppError('not_found', field);
  return service.active === 1;
}

/** A service an appointment may be booked for: it exists and is offered. */
export async function loadBookableService(db: ReadDb, id: string, field = 'serviceId'): Promise<Pick<ServicesTable, 'id' | 'duration_min' | 'active'>> {
  const service = await db.selectFrom('services').select(['id', 'duration_min', 'active']).where('id', '=', id).executeTakeFirst();
  if (!service) throw new AppError('not_found', field);
  if (service.active !== 1) throw new AppError('service_not_offered', field);
  return service;
}

/** The names and prices of some services (none asked, none read). */
export async function serviceNamesAndPrices(db: ReadDb, ids: readonly string[]): Promise<Pick<ServicesTable, 'id' | 'name' | 'price_minor' | 'vat_rate_bp'>[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('services').select(['id', 'name', 'price_minor', 'vat_rate_bp']).where('id', 'in', ids).execute();
}

export async function servicePrices(db: ReadDb, ids: readonly string[]): Promise<Pick<ServicesTable, 'id' | 'price_minor'>[]> {
  return db.selectFrom('services').select(['id', 'price_minor']).where('id', 'in', ids).execute();
}

export async function insertService(tx: WriteTx, row: ServicesTable): Promise<void> {
  await tx.insertInto('services').values(row).execute();
}

export async function updateService(tx: WriteTx, id: string, changes: ServiceChanges, now: string): Promise<void> {
  await tx
    .updateTable('services')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}
