import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BackupEntry, BackupKind } from '../../../src-shared/domain/backups';
import { checkBackupFile } from './check-backup';
import type { BackupSidecar } from './sidecar';
import { writeSidecar } from './sidecar';

/**
 * Checks a backup just written (read-only, in a worker: integrity, a schema this app knows) and
 * records what it found in its sidecar: date, kind, size, state, what it holds.
 */
export async function recordBackup(
  path: string,
  made: { kind: BackupKind; at: Date; deskId: string | null; where: BackupEntry['where'] },
  now: () => Date = () => new Date(),
): Promise<BackupEntry> {
  const check = await checkBackupFile(path);
  const sizeBytes = (await stat(path)).size;
  const sidecar: BackupSidecar = {
    format: 1,
    kind: made.kind,
    at: made.at.toISOString(),
    sizeBytes,
    state: check.state,
    problem: check.state === 'ok' ? null : check.problem,
    detail: check.state === 'ok' ? null : check.detail,
    contents: check.state === 'ok' ? check.contents : null,
    deskId: made.deskId,
    checkedAt: now().toISOString(),
  };
  await writeSidecar(path, sidecar);
  return entryOf(path, sidecar, made.where);
}

export function entryOf(path: string, sidecar: BackupSidecar, where: BackupEntry['where']): BackupEntry {
  return {
    path,
    fileName: basename(path),
    at: sidecar.at,
    kind: sidecar.kind,
    sizeBytes: sidecar.sizeBytes,
    state: sidecar.state,
    problem: sidecar.problem,
    where,
    contents: sidecar.contents,
  };
}
