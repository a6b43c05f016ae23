import { consentsOfClient } from '../db/queries/consents';
import type { ExportSection } from './client-export-sections';

/** Every grant and withdrawal, newest first, with how it was given and who recorded it. */
export const consentsPart: ExportSection = async (clientId, { db }) => {
  const { history } = await consentsOfClient(db, clientId);
  return {
    name: 'consents',
    data: history.map((r) => ({ purpose: r.purpose, granted: r.granted, method: r.method, note: r.note, recordedBy: r.staffName, recordedAt: r.recordedAt })),
  };
};
