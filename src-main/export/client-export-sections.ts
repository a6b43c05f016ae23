import type { ReadDb } from '../db/database';
import type { Caller } from '../api/caller';
import { cardPart } from './card-part';
import { consentsPart } from './consents-part';
import { customFieldsPart } from './custom-fields-part';
import { historyPart } from './history-part';
import { passesPart } from './passes-part';
import { promotionsPart, salesPart } from './sales-part';
import { tagsPart } from './tags-part';
import { notesPart } from './notes-part';
import { photosPart } from './photos-part';
import { blacklistDismissalPart } from './blacklist-part';

/** What one part of a data-subject export contributes: its JSON, and any files (photos) beside it. */
export interface ExportPart {
  /** The key of this part in data.json and its heading in the readable page. */
  name: string;
  data: unknown;
  /** Files copied into the zip under files/<path>. */
  files?: { path: string; bytes: Uint8Array }[];
}

export interface ExportContext {
  db: ReadDb;
  /** Who exports: notes they may not read stay out. */
  caller: Caller;
  /** The data folder (photos live there). */
  dataDir: string;
}

/**
 * "Export everything" gathers every part listed here, in order. Each concept adds its own part
 * (card, tags, history, notes, passes, sales, consents, photos…) so nothing held about a client
 * can be forgotten by the export.
 */
export type ExportSection = (clientId: string, context: ExportContext) => Promise<ExportPart>;

export const exportSections: ExportSection[] = [cardPart, customFieldsPart, tagsPart, historyPart, passesPart, salesPart, promotionsPart, consentsPart, notesPart, photosPart, blacklistDismissalPart];
