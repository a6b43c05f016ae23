import { existsSync } from 'node:fs';
import type { BackupCheck, BackupContents, BackupProblem } from '../../../src-shared/domain/backups';
import { AppError } from '../../errors/app-error';
import { sidecarPathOf } from './backup-names';
import { checkBackupFile } from './check-backup';
import { readSidecar, writeSidecar } from './sidecar';

/**
 * Checks a file chosen to be restored (from the list, or any path) and answers what it holds, or
 * refuses it: not_found, backup_damaged, not_a_mostrador_file, database_newer. A backup of the list
 * whose state changed since it was made (a bad disk) has its sidecar updated.
 */
export async function usableBackup(path: string): Promise<BackupContents> {
  if (!existsSync(path)) throw new AppError('not_found', 'path');
  const check = await checkBackupFile(path);
  const ours = await noteCheck(path, check);
  if (check.state === 'ok') return check.contents;
  throw refusalOf(check.problem, ours);
}

export function refusalOf(problem: BackupProblem, ours: boolean): AppError {
  switch (problem) {
    case 'newer_schema':
      return new AppError('database_newer', 'path');
    case 'integrity':
      return new AppError('backup_damaged', 'path');
    default:
      // One of our own backups that no longer opens is damaged; any other such file is not ours.
      return new AppError(ours ? 'backup_damaged' : 'not_a_mostrador_file', 'path');
  }
}

/** Records a new finding in the file's sidecar, when it has one; answers whether it has one. */
async function noteCheck(path: string, check: BackupCheck): Promise<boolean> {
  const sidecar = existsSync(sidecarPathOf(path)) ? await readSidecar(path) : null;
  if (!sidecar) return false;
  const problem = check.state === 'ok' ? null : check.problem;
  if (sidecar.state !== check.state || sidecar.problem !== problem) {
    await writeSidecar(path, {
      ...sidecar,
      state: check.state,
      problem,
      detail: check.state === 'ok' ? null : check.detail,
      contents: check.state === 'ok' ? check.contents : sidecar.contents,
      checkedAt: new Date().toISOString(),
    });
  }
  return true;
}
