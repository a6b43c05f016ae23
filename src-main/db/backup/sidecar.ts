import { readFile, rename, writeFile } from 'node:fs/promises';
import type { BackupContents, BackupKind, BackupProblem } from '../../../src-shared/domain/backups';
import { sidecarPathOf } from './backup-names';

/** What the check of a backup found, written next to the file when it was made. */
export interface BackupSidecar {
  format: 1;
  kind: BackupKind;
  at: string;
  sizeBytes: number;
  state: 'ok' | 'damaged';
  problem: BackupProblem | null;
  detail: string | null;
  contents: BackupContents | null;
  /** The desk that made it (its second folder may hold other desks' backups too). */
  deskId: string | null;
  checkedAt: string;
}

export async function writeSidecar(backupPath: string, sidecar: BackupSidecar): Promise<void> {
  const path = sidecarPathOf(backupPath);
  await writeFile(`${path}.tmp`, `${JSON.stringify(sidecar, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

/** The sidecar of a backup, or null when there is none (or it cannot be read). */
export async function readSidecar(backupPath: string): Promise<BackupSidecar | null> {
  try {
    const value = JSON.parse(await readFile(sidecarPathOf(backupPath), 'utf8')) as Partial<BackupSidecar>;
    return value.format === 1 && typeof value.at === 'string' && typeof value.kind === 'string' ? (value as BackupSidecar) : null;
  } catch {
    return null;
  }
}
