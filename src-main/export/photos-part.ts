import { readPhotoBytes } from '../db/queries/photo-files';
import { photoRowsOfClient, visitOfPhoto } from '../db/queries/photos';
import type { ExportSection } from './client-export-sections';

/**
 * The client's gallery in "Export everything": each photo's details, and the image itself under
 * files/photos/ (as kept on this desk: upright, without its metadata). A photo whose file is on
 * another desk only (it came by sync) is listed with file: null.
 */
export const photosPart: ExportSection = async (clientId, { db, dataDir }) => {
  const files: { path: string; bytes: Uint8Array }[] = [];
  const data = [];
  for (const row of await photoRowsOfClient(db, clientId)) {
    const bytes = readPhotoBytes(dataDir, clientId, row.file_name);
    const path = bytes ? `photos/${row.file_name}` : null;
    if (bytes && path) files.push({ path, bytes });
    const visit = await visitOfPhoto(db, row);
    data.push({
      kind: row.kind,
      caption: row.caption,
      takenAt: row.created_at,
      visit: visit && { kind: visit.kind, startsAt: visit.startsAt, what: visit.what },
      width: row.width,
      height: row.height,
      file: path && `files/${path}`,
    });
  }
  return { name: 'photos', data, files };
};
