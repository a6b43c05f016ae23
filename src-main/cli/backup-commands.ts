import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { managers } from '../../src-shared/api/access';
import type { ErrorCode } from '../../src-shared/api/error-codes';
import type { ApiResult } from '../../src-shared/api/result';
import { errorMessage } from '../../src-shared/i18n/errors';
import type { ApiHost } from '../api/open-api';
import { checkBackupFile } from '../db/backup/check-backup';
import { writeOnlineBackup } from '../db/backup/online-backup';
import type { backupCommandNames } from './backup-usage';

// The backup commands of the CLI: the same service and the same calls as Ajustes › Copias de seguridad.

/** Runs one backup command; the exit code: 0 done, 1 refused, 2 wrong usage. */
export async function runBackupCommand(host: ApiHost, command: (typeof backupCommandNames)[number], args: string[], print: (value: unknown) => void): Promise<number> {
  const [file] = args;
  const answer = (result: ApiResult<unknown>) => {
    if (result.ok) {
      delete result.reads;
      delete result.changed;
    }
    print(result);
    return result.ok ? 0 : 1;
  };
  switch (command) {
    case 'backup':
      return file ? copyTo(host, file, print) : answer(await host.invoke('backups.run', {}));
    case 'restore':
      return file ? answer(await host.invoke('backups.restore', { path: resolve(file) })) : 2;
    case 'verify':
      return answer(await host.invoke('backups.inspect', { path: resolve(file ?? host.database.path) }));
  }
}

/** `backup FILE`: a copy anywhere, outside the rotation; checked like every backup. */
async function copyTo(host: ApiHost, file: string, print: (value: unknown) => void): Promise<number> {
  const refuse = async (code: ErrorCode) => {
    const settings = await host.invoke('settings.get', {});
    print({ ok: false, error: { code, message: errorMessage(settings.ok ? settings.value.language : 'es', code) } });
    return 1;
  };
  // A copy of everything is an export: owners and managers only, once PINs are on.
  const state = await host.invoke('auth.state', {});
  if (state.ok && state.value.pinsOn && !(state.value.role !== null && managers.roles.includes(state.value.role))) return refuse('forbidden');
  const target = resolve(file);
  if (target === resolve(host.database.path)) return refuse('invalid_input');
  const partial = `${target}.partial`;
  try {
    await writeOnlineBackup(host.database.sqlite, partial);
    await rename(partial, target);
  } catch {
    await rm(partial, { force: true });
    return refuse('backup_failed');
  }
  const check = await checkBackupFile(target);
  if (check.state !== 'ok') return refuse('backup_failed');
  print({ ok: true, value: { backup: target, contents: check.contents } });
  return 0;
}
