import type { Product } from '../../../src-shared/domain/product';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { ProductsTable } from '../tables/fiscal';

export type ProductChanges = Partial<Pick<ProductsTable, 'name' | 'name_key' | 'price_minor' | 'vat_rate_bp' | 'active'>>;

export function toProduct(row: ProductsTable): Product {
  return { id: row.id, name: row.name, priceMinor: row.price_minor, vatRateBp: row.vat_rate_bp, active: row.active === 1 };
}

export async function listProducts(db: ReadDb, includeInactive: boolean): Promise<Product[]> {
  let query = db.selectFrom('products').selectAll().orderBy('name_key');
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.execute()).map(toProduct);
}

export async function loadProduct(db: ReadDb, id: string, field = 'id'): Promise<Product> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toProduct(row);
}

/** A retail product as checkout prices it; undefined when none has the id. */
export async function productForSale(db: ReadDb, id: string): Promise<Pick<ProductsTable, 'id' | 'name' | 'price_minor' | 'vat_rate_bp' | 'active'> | undefined> {
  return db.selectFrom('products').select(['id', 'name', 'price_minor', 'vat_rate_bp', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function insertProduct(tx: WriteTx, row: ProductsTable): Promise<void> {
  await tx.insertInto('products').values(row).execute();
}

export async function updateProduct(tx: WriteTx, id: string, changes: ProductChanges, now: string): Promise<void> {
  await tx
    .updateTable('products')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}
