import { loadClient } from '../db/queries/clients';
import type { ExportSection } from './client-export-sections';

/** The card itself: every personal field, the blacklist and when it was created (tags and custom fields have their own parts). */
export const cardPart: ExportSection = async (clientId, { db }) => {
  const { tags: _tags, customFields: _customFields, ...card } = await loadClient(db, clientId);
  return { name: 'card', data: card };
};
