import type { CustomField } from '../../src-shared/domain/custom-field';
import type { WriteTx } from '../db/database';
import { listCustomFields, toCustomField } from '../db/queries/custom-fields';
import { reindexClient } from '../db/queries/clients';
import { newId } from '../engine/ids';
import { fold } from '../engine/text/fold';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type CustomFieldHandlers = Pick<
  Handlers,
  'customFields.list' | 'customFields.create' | 'customFields.update' | 'customFields.delete'
>;

async function loadField(tx: WriteTx, id: string): Promise<CustomField> {
  const row = await tx.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'id');
  return toCustomField(row);
}

async function assertLabelFree(tx: WriteTx, labelKey: string, exceptId?: string) {
  let query = tx.selectFrom('custom_fields').select('id').where('label_key', '=', labelKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new AppError('duplicate_name', 'label');
}

function checkOptions(kind: CustomField['kind'], options: string[] | undefined): string[] {
  if (kind !== 'choice') return [];
  const unique = [...new Set(options ?? [])];
  if (unique.length === 0) throw new AppError('required', 'options');
  return unique;
}

export const customFieldHandlers: CustomFieldHandlers = {
  'customFields.list': async (_input, { db }) => listCustomFields(db),

  'customFields.create': async ({ label, kind, options }, { tx, now, log }) => {
    await assertLabelFree(tx, fold(label));
    const last = await tx.selectFrom('custom_fields').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    const field: CustomField = { id: newId(), label, kind, options: checkOptions(kind, options), position: Number(last?.p ?? -1) + 1 };
    await tx
      .insertInto('custom_fields')
      .values({ ...field, label_key: fold(label), options: JSON.stringify(field.options), created_at: now, updated_at: now })
      .execute();
    log({ entity: 'custom_field', entityId: field.id, changes: { label, kind, options: field.options } });
    return field;
  },

  'customFields.update': async ({ id, label, options, position }, { tx, now, log }) => {
    const field = await loadField(tx, id);
    if (label !== undefined) await assertLabelFree(tx, fold(label), id);
    const nextOptions = options === undefined ? undefined : checkOptions(field.kind, options);
    await tx
      .updateTable('custom_fields')
      .set({
        ...(label !== undefined ? { label, label_key: fold(label) } : {}),
        ...(nextOptions !== undefined ? { options: JSON.stringify(nextOptions) } : {}),
        ...(position !== undefined ? { position } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    log({ entity: 'custom_field', entityId: id, changes: { label, options: nextOptions, position } });
    return loadField(tx, id);
  },

  'customFields.delete': async ({ id }, { tx, log }) => {
    await loadField(tx, id);
    const holders = await tx.selectFrom('client_custom_values').select('client_id').where('field_id', '=', id).execute();
    await tx.deleteFrom('custom_fields').where('id', '=', id).execute();
    // The values were searchable words of those cards: take them out of the index too.
    for (const { client_id } of holders) await reindexClient(tx, client_id);
    log({ entity: 'custom_field', entityId: id, changes: { deleted: true } });
    return { id };
  },
};
