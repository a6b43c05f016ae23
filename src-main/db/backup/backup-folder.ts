import { constants } from 'node:fs';
import { access, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { BackupEntry } from '../../../src-shared/domain/backups';
import type { RotationCandidate } from '../../engine/backup/rotation';
import { backupsToKeep } from '../../engine/backup/rotation';
import { parseBackupFileName, partialPathOf, sidecarPathOf } from './backup-names';
import { entryOf } from './record-backup';
import { readSidecar } from './sidecar';

/** A backup file with what its sidecar says (null: no sidecar, e.g. a file copied there by hand). */
export interface FolderBackup {
  entry: BackupEntry;
  deskId: string | null;
  checked: boolean;
}

/** The backups in a folder, newest first. A folder that does not exist holds none. */
export async function readBackupFolder(folder: string, where: BackupEntry['where']): Promise<FolderBackup[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found: FolderBackup[] = [];
  for (const name of names) {
    const named = parseBackupFileName(name);
    if (!named) continue;
    const path = join(folder, name);
    const sidecar = await readSidecar(path);
    if (sidecar) {
      found.push({ entry: entryOf(path, sidecar, where), deskId: sidecar.deskId, checked: true });
      continue;
    }
    const size = await stat(path).then((s) => s.size, () => null);
    if (size === null) continue;
    found.push({
      entry: { path, fileName: name, at: named.at, kind: named.kind, sizeBytes: size, state: 'unchecked', problem: null, where, contents: null },
      deskId: null,
      checked: false,
    });
  }
  return found.sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.entry.fileName.localeCompare(a.entry.fileName));
}

/** Deletes a backup with its sidecar and any leftover of writing it. */
export async function removeBackup(path: string): Promise<void> {
  for (const file of [path, sidecarPathOf(path), partialPathOf(path), `${path}-journal`, `${path}-wal`, `${path}-shm`]) await rm(file, { force: true });
}

/**
 * Applies the rotation rule to a folder: of the backups this desk made and checked (a file with no
 * sidecar, or another desk's, is left alone), those the rule does not keep are deleted.
 */
export async function rotateFolder(
  folder: string,
  where: BackupEntry['where'],
  options: { now: Date; timeZone: string; deskId: string | null; pinned: ReadonlySet<string> },
): Promise<string[]> {
  const mine = (await readBackupFolder(folder, where)).filter((b) => b.checked && (where === 'data' || b.deskId === options.deskId));
  const candidates: RotationCandidate[] = mine.map(({ entry }) => ({
    id: entry.path,
    at: entry.at,
    kind: entry.kind,
    usable: entry.state === 'ok',
    pinned: options.pinned.has(entry.path),
  }));
  const keep = backupsToKeep(candidates, options.now, options.timeZone);
  const removed = candidates.filter((c) => !keep.has(c.id)).map((c) => c.id);
  for (const path of removed) await removeBackup(path);
  return removed;
}

/** Leftovers of a backup cut short (the app closed or crashed mid-copy). */
export async function removePartials(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) if (name.endsWith('.partial') || name.endsWith('.json.tmp')) await rm(join(folder, name), { force: true });
}

/**
 * A folder backups can go to: absolute, a folder (made when missing, inside a folder that exists),
 * and a file can be written there — answered within `limitMs` (a network share that does not
 * answer is not one to use). Never a recursive mkdir: on some file systems (/proc, a share that
 * answers ENOENT for ever) Node's keeps retrying without end.
 */
export async function folderIsWritable(folder: string, limitMs = 5000): Promise<boolean> {
  if (!isAbsolute(folder)) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), limitMs);
  });
  try {
    return await Promise.race([probeFolder(folder), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function probeFolder(folder: string): Promise<boolean> {
  try {
    await ensureFolder(folder);
    await access(folder, constants.W_OK);
    const probe = join(folder, `.mostrador-probe-${process.pid}-${Math.random().toString(36).slice(2)}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** Makes `folder` when it is missing and its parent exists (a second folder on a stick that is plugged in). */
export async function ensureFolder(folder: string): Promise<void> {
  const found = await stat(folder).catch(() => null);
  if (found?.isDirectory()) return;
  if (found) throw new Error(`${folder} is not a folder`);
  await mkdir(folder);
}
