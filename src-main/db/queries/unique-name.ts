import { AppError } from '../../errors/app-error';
import { fold } from '../../engine/text/fold';
import type { ReadDb } from '../database';

type NamedTable = 'tags' | 'staff' | 'session_types' | 'services' | 'pass_products' | 'plan_products' | 'products' | 'payment_methods';

/** Two rows of a list may not have names that differ only by case or accents. Returns the folded key. */
export async function assertNameFree(db: ReadDb, table: NamedTable, name: string, exceptId?: string): Promise<string> {
  const nameKey = fold(name);
  let query = db.selectFrom(table).select('id').where('name_key', '=', nameKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('duplicate_name', 'name');
  return nameKey;
}
