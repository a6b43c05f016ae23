import type { CustomField } from '../../../src-shared/domain/custom-field';
import type { Db, WriteTx } from '../database';
import type { CustomFieldsTable } from '../tables/custom-fields';

export function toCustomField(row: CustomFieldsTable): CustomField {
  return { id: row.id, label: row.label, kind: row.kind, options: JSON.parse(row.options) as string[], position: row.position };
}

export async function listCustomFields(db: Db | WriteTx): Promise<CustomField[]> {
  const rows = await db.selectFrom('custom_fields').selectAll().orderBy('position').orderBy('label_key').execute();
  return rows.map(toCustomField);
}
