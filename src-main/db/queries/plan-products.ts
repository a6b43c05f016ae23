import { sql } from 'kysely';
import type { PlanProduct } from '../../../src-shared/domain/passes';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { PlanProductsTable } from '../tables/checkout';
import { assertAllExist } from './pass-products';

async function itemsOf(db: ReadDb, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_product_items as i')
    .innerJoin('services as s', 's.id', 'i.service_id')
    .select(['i.plan_id', 'i.service_id', 'i.quantity', 's.name', 's.price_minor'])
    .where('i.plan_id', 'in', planIds)
    .orderBy('s.name_key')
    .execute();
}

function toPlanProducts(rows: PlanProductsTable[], items: Awaited<ReturnType<typeof itemsOf>>): PlanProduct[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    items: items.filter((i) => i.plan_id === row.id).map((i) => ({ serviceId: i.service_id, serviceName: i.name, quantity: i.quantity })),
    validityDays: row.validity_days,
    priceMinor: row.price_minor,
    vatRateBp: row.vat_rate_bp,
    active: row.active === 1,
  }));
}

export async function listPlanProducts(db: ReadDb, includeInactive: boolean): Promise<PlanProduct[]> {
  let query = db.selectFrom('plan_products').selectAll().orderBy('name_key');
  if (!includeInactive) query = query.where('active', '=', 1);
  const rows = await query.execute();
  return toPlanProducts(rows, await itemsOf(db, rows.map((r) => r.id)));
}

export async function loadPlanProduct(db: ReadDb, id: string, field = 'id'): Promise<PlanProduct> {
  const row = await db.selectFrom('plan_products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toPlanProducts([row], await itemsOf(db, [id]))[0]!;
}

export type PlanProductChanges = Partial<Omit<PlanProductsTable, 'id' | 'created_at' | 'updated_at'>>;

/** A plan product's name, price and active flag as a sale line reads them (plans have no fixed end date); undefined when none has the id. */
export async function planProductForSale(db: ReadDb, id: string): Promise<(Pick<PlanProductsTable, 'id' | 'name' | 'price_minor' | 'vat_rate_bp' | 'active'> & { valid_until: null }) | undefined> {
  return db
    .selectFrom('plan_products')
    .select(['id', 'name', 'price_minor', 'vat_rate_bp', 'active', sql<null>`null`.as('valid_until')])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPlanProduct(tx: WriteTx, row: PlanProductsTable): Promise<void> {
  await tx.insertInto('plan_products').values(row).execute();
}

export async function updatePlanProduct(tx: WriteTx, id: string, changes: PlanProductChanges, now: string): Promise<void> {
  await tx
    .updateTable('plan_products')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** A plan's services with quantities, replaced: each service once, every one known. */
export async function writePlanItems(tx: WriteTx, planId: string, items: readonly { serviceId: string; quantity: number }[]): Promise<void> {
  const serviceIds = items.map((i) => i.serviceId);
  const twice = serviceIds.findIndex((id, index) => serviceIds.indexOf(id) !== index);
  if (twice >= 0) throw new AppError('invalid_input', `items.${twice}.serviceId`);
  await assertAllExist(tx, 'services', serviceIds, 'items').catch((error: unknown) => {
    // Name the item's own field: items.N.serviceId.
    if (error instanceof AppError && error.field) throw new AppError('not_found', `${error.field}.serviceId`);
    throw error;
  });
  await tx.deleteFrom('plan_product_items').where('plan_id', '=', planId).execute();
  await tx.insertInto('plan_product_items').values(items.map((i) => ({ plan_id: planId, service_id: i.serviceId, quantity: i.quantity }))).execute();
}
