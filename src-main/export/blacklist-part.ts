import { dismissalOf } from '../db/queries/blacklist-suggestions';
import type { ExportSection } from './client-export-sections';

/** A blacklist suggestion the desk dismissed about this client: up to which incident, by whom, when (null: none). */
export const blacklistDismissalPart: ExportSection = async (clientId, { db }) => ({ name: 'blacklistDismissal', data: await dismissalOf(db, clientId) });
