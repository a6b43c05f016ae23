import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RestoreUndo } from '../../../src-shared/domain/backups';

/**
 * The last restore, kept in the backups folder until it is undone: the undo still works after the
 * app restarts, and rotation never deletes the file it would put back.
 */
const markerName = 'last-restore.json';

export async function readUndoMarker(backupsFolder: string): Promise<RestoreUndo | null> {
  try {
    const value = JSON.parse(await readFile(join(backupsFolder, markerName), 'utf8')) as Partial<RestoreUndo>;
    return typeof value.at === 'string' && typeof value.restoredFrom === 'string' && typeof value.keptAside === 'string' ? (value as RestoreUndo) : null;
  } catch {
    return null;
  }
}

export async function writeUndoMarker(backupsFolder: string, undo: RestoreUndo): Promise<void> {
  const path = join(backupsFolder, markerName);
  await writeFile(`${path}.tmp`, `${JSON.stringify(undo, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

export async function clearUndoMarker(backupsFolder: string): Promise<void> {
  await rm(join(backupsFolder, markerName), { force: true });
}
