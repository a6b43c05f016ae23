import { tagsOfClients } from '../db/queries/tags';
import type { ExportSection } from './client-export-sections';

export const tagsPart: ExportSection = async (clientId, { db }) => {
  const tags = (await tagsOfClients(db, [clientId])).get(clientId) ?? [];
  return { name: 'tags', data: tags.map((tag) => ({ name: tag.name, colour: tag.colour })) };
};
