import { readableNotesOf } from '../db/queries/notes';
import type { ExportSection } from './client-export-sections';

/**
 * The client's notes in "Export everything": only those the exporter may read (shared ones and
 * their own private ones), through the same door as every other read of notes.
 */
export const notesPart: ExportSection = async (clientId, { db, caller }) => {
  const notes = await readableNotesOf(db, clientId, { staffId: caller.staffId, role: caller.role });
  return {
    name: 'notes',
    data: notes.map((n) => ({
      kind: n.kind,
      visibility: n.visibility,
      text: n.body,
      author: n.authorName,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      visit: n.visit && { kind: n.visit.kind, startsAt: n.visit.startsAt, what: n.visit.what, professional: n.visit.staffName },
    })),
  };
};
