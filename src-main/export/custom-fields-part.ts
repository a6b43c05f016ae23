import { loadClient } from '../db/queries/clients';
import { listCustomFields } from '../db/queries/custom-fields';
import type { ExportSection } from './client-export-sections';

/** The centre's own fields on the card, by their label (the ids mean nothing to the client). */
export const customFieldsPart: ExportSection = async (clientId, { db }) => {
  const [client, fields] = await Promise.all([loadClient(db, clientId), listCustomFields(db)]);
  const data = fields
    .filter((field) => Object.hasOwn(client.customFields, field.id))
    .map((field) => ({ label: field.label, kind: field.kind, value: client.customFields[field.id] }));
  return { name: 'customFields', data };
};
