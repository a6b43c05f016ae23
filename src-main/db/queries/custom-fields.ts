import type { CustomField } from '../../../src-shared/domain/custom-field';
import { AppError } from '../../errors/app-error';
import { fold } from '../../engine/text/fold';
import type { ReadDb, WriteTx } from '../database';
import type { CustomFieldsTable } from '../tables/custom-fields';

export type CustomFieldChanges = Partial<Pick<CustomFieldsTable, 'label' | 'label_key' | 'options' | 'position'>>;

export function toCustomField(row: CustomFieldsTable): CustomField {
  return { id: row.id, label: row.label, kind: row.kind, options: JSON.parse(row.options) as string[], position: row.position };
}

export async function listCustomFields(db: ReadDb): Promise<CustomField[]> {
  const rows = await db.selectFrom('custom_fields').selectAll().orderBy('position').orderBy('label_key').execute();
  return rows.map(toCustomField);
}

export async function loadCustomField(db: ReadDb, id: string): Promise<CustomField> {
  const row = await db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return toCustomField(row);
}

/** Two fields may not have labels that differ only by case or accents. */
export async function assertLabelFree(db: ReadDb, labelKey: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('custom_fields').select('id').where('label_key', '=', labelKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('duplicate_name', 'label');
}

/** The position after the last field's (0 for the first). */
export async function nextCustomFieldPosition(db: ReadDb): Promise<number> {
  const last = await db.selectFrom('custom_fields').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  return Number(last?.p ?? -1) + 1;
}

export async function insertCustomField(tx: WriteTx, field: CustomField, now: string): Promise<void> {
  await tx
    .insertInto('custom_fields')
    .values({ ...field, label_key: fold(field.label), options: JSON.stringify(field.options), created_at: now, updated_at: now })
    .execute();
}

export async function updateCustomField(tx: WriteTx, id: string, changes: CustomFieldChanges, now: string): Promise<void> {
  await tx
    .updateTable('custom_fields')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The clients holding a value of the field. */
export async function holdersOfCustomField(db: ReadDb, fieldId: string): Promise<string[]> {
  return (await db.selectFrom('client_custom_values').select('client_id').where('field_id', '=', fieldId).execute()).map((r) => r.client_id);
}

export async function deleteCustomField(tx: WriteTx, id: string): Promise<void> {
  await tx.deleteFrom('custom_fields').where('id', '=', id).execute();
}
