import type { PassProduct, PassValidity } from '../../../src-shared/domain/passes';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { PassProductsTable } from '../tables/checkout';
import { precompiled } from '../precompiled';

function validityOf(row: PassProductsTable): PassValidity {
  return row.validity_days !== null ? { kind: 'days', days: row.validity_days } : { kind: 'until', date: row.valid_until! };
}

export function validityColumns(validity: PassValidity): Pick<PassProductsTable, 'validity_days' | 'valid_until'> {
  return validity.kind === 'days' ? { validity_days: validity.days, valid_until: null } : { validity_days: null, valid_until: validity.date };
}

async function coverOf(db: ReadDb, productIds: readonly string[]) {
  if (productIds.length === 0) return { types: [], services: [] };
  const [types, services] = await Promise.all([
    db
      .selectFrom('pass_product_session_types as p')
      .innerJoin('session_types as t', 't.id', 'p.session_type_id')
      .select(['p.product_id', 'p.session_type_id as id'])
      .where('p.product_id', 'in', productIds)
      .orderBy('t.name_key')
      .execute(),
    db
      .selectFrom('pass_product_services as p')
      .innerJoin('services as s', 's.id', 'p.service_id')
      .select(['p.product_id', 'p.service_id as id'])
      .where('p.product_id', 'in', productIds)
      .orderBy('s.name_key')
      .execute(),
  ]);
  return { types, services };
}

function toPassProducts(rows: PassProductsTable[], cover: Awaited<ReturnType<typeof coverOf>>): PassProduct[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    credits: row.credits,
    sessionTypeIds: cover.types.filter((t) => t.product_id === row.id).map((t) => t.id),
    serviceIds: cover.services.filter((s) => s.product_id === row.id).map((s) => s.id),
    validity: validityOf(row),
    priceMinor: row.price_minor,
    vatRateBp: row.vat_rate_bp,
    active: row.active === 1,
  }));
}

export async function listPassProducts(db: ReadDb, includeInactive: boolean): Promise<PassProduct[]> {
  let query = db.selectFrom('pass_products').selectAll().orderBy('name_key');
  if (!includeInactive) query = query.where('active', '=', 1);
  const rows = await query.execute();
  return toPassProducts(rows, await coverOf(db, rows.map((r) => r.id)));
}

// Every pass sold reads its product: built once.
const passProductRow = precompiled((db, p: { id: string }) => db.selectFrom('pass_products').selectAll().where('id', '=', p.id));

export async function loadPassProduct(db: ReadDb, id: string, field = 'id'): Promise<PassProduct> {
  const [row] = await passProductRow(db, { id });
  if (!row) throw new AppError('not_found', field);
  return toPassProducts([row], await coverOf(db, [id]))[0]!;
}

export type PassProductChanges = Partial<Omit<PassProductsTable, 'id' | 'created_at' | 'updated_at'>>;

/** A pass product's name, price, active flag and fixed end date, as a sale line reads them; undefined when none has the id. */
export async function passProductForSale(
  db: ReadDb,
  id: string,
): Promise<Pick<PassProductsTable, 'id' | 'name' | 'price_minor' | 'vat_rate_bp' | 'active' | 'valid_until'> | undefined> {
  return db.selectFrom('pass_products').select(['id', 'name', 'price_minor', 'vat_rate_bp', 'active', 'valid_until']).where('id', '=', id).executeTakeFirst();
}

export async function insertPassProduct(tx: WriteTx, row: PassProductsTable): Promise<void> {
  await tx.insertInto('pass_products').values(row).execute();
}

export async function updatePassProduct(tx: WriteTx, id: string, changes: PassProductChanges, now: string): Promise<void> {
  await tx
    .updateTable('pass_products')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** What a pass covers, replaced: every id must exist (not_found names the index), and something must be covered. */
export async function writePassCover(tx: WriteTx, productId: string, sessionTypeIds: readonly string[], serviceIds: readonly string[]): Promise<void> {
  const types = [...new Set(sessionTypeIds)];
  const services = [...new Set(serviceIds)];
  if (types.length + services.length === 0) throw new AppError('pass_covers_nothing', 'sessionTypeIds');
  await assertAllExist(tx, 'session_types', sessionTypeIds, 'sessionTypeIds');
  await assertAllExist(tx, 'services', serviceIds, 'serviceIds');
  await tx.deleteFrom('pass_product_session_types').where('product_id', '=', productId).execute();
  await tx.deleteFrom('pass_product_services').where('product_id', '=', productId).execute();
  if (types.length > 0) await tx.insertInto('pass_product_session_types').values(types.map((id) => ({ product_id: productId, session_type_id: id }))).execute();
  if (services.length > 0) await tx.insertInto('pass_product_services').values(services.map((id) => ({ product_id: productId, service_id: id }))).execute();
}

/** Every id of `ids` is a row of `table`; not_found names the index of the first that is not. */
export async function assertAllExist(db: ReadDb, table: 'session_types' | 'services', ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', [...new Set(ids)]).execute()).map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError('not_found', `${field}.${missing}`);
}
