import type { CustomField } from '../../src-shared/domain/custom-field';
import {
  assertLabelFree,
  deleteCustomField,
  holdersOfCustomField,
  insertCustomField,
  listCustomFields,
  loadCustomField,
  nextCustomFieldPosition,
  updateCustomField,
} from '../db/queries/custom-fields';
import { reindexClient } from '../db/queries/clients';
import { newId } from '../engine/ids';
import { fold } from '../engine/text/fold';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

type CustomFieldHandlers = Pick<
  Handlers,
  'customFields.list' | 'customFields.create' | 'customFields.update' | 'customFields.delete'
>;

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
    const position = await nextCustomFieldPosition(tx);
    const field: CustomField = { id: newId(), label, kind, options: checkOptions(kind, options), position };
    await insertCustomField(tx, field, now);
    log({ entity: 'custom_field', entityId: field.id, changes: { label, kind, options: field.options } });
    return field;
  },

  'customFields.update': async ({ id, label, options, position }, { tx, now, log }) => {
    const field = await loadCustomField(tx, id);
    if (label !== undefined) await assertLabelFree(tx, fold(label), id);
    const nextOptions = options === undefined ? undefined : checkOptions(field.kind, options);
    await updateCustomField(
      tx,
      id,
      {
        ...(label !== undefined ? { label, label_key: fold(label) } : {}),
        ...(nextOptions !== undefined ? { options: JSON.stringify(nextOptions) } : {}),
        ...(position !== undefined ? { position } : {}),
      },
      now,
    );
    log({ entity: 'custom_field', entityId: id, changes: { label, options: nextOptions, position } });
    return loadCustomField(tx, id);
  },

  'customFields.delete': async ({ id }, { tx, log }) => {
    await loadCustomField(tx, id);
    const holders = await holdersOfCustomField(tx, id);
    await deleteCustomField(tx, id);
    // The values were searchable words of those cards: take them out of the index too.
    for (const clientId of holders) await reindexClient(tx, clientId);
    log({ entity: 'custom_field', entityId: id, changes: { deleted: true } });
    return { id };
  },
};
