import type { CustomPaymentMethod } from '../../../src-shared/domain/product';
import { AppError } from '../../errors/app-error';
import type { ReadDb, WriteTx } from '../database';
import type { PaymentMethodsTable } from '../tables/fiscal';

export type PaymentMethodChanges = Partial<Pick<PaymentMethodsTable, 'name' | 'name_key' | 'active'>>;

export function toCustomPaymentMethod(row: PaymentMethodsTable): CustomPaymentMethod {
  return { id: row.id, name: row.name, active: row.active === 1 };
}

/** The centre's own methods by name (the active ones unless asked). */
export async function listCustomPaymentMethods(db: ReadDb, includeInactive: boolean): Promise<CustomPaymentMethod[]> {
  let query = db.selectFrom('payment_methods').selectAll().orderBy('name_key');
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.execute()).map(toCustomPaymentMethod);
}

/** The ids of the active custom methods: what a payment may name as custom:<id>. */
export async function activeCustomPaymentMethodIds(db: ReadDb): Promise<Set<string>> {
  const rows = await db.selectFrom('payment_methods').select('id').where('active', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

export async function loadCustomPaymentMethod(db: ReadDb, id: string, field = 'id'): Promise<CustomPaymentMethod> {
  const row = await db.selectFrom('payment_methods').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', field);
  return toCustomPaymentMethod(row);
}

export async function insertPaymentMethod(tx: WriteTx, row: PaymentMethodsTable): Promise<void> {
  await tx.insertInto('payment_methods').values(row).execute();
}

export async function updatePaymentMethod(tx: WriteTx, id: string, changes: PaymentMethodChanges, now: string): Promise<void> {
  await tx
    .updateTable('payment_methods')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}
