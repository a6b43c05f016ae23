import type { BackupService } from '../db/backup/backup-service';
import { folderIsWritable } from '../db/backup/backup-folder';
import { setDeskBackupFolder } from '../db/queries/desk-identity';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';
import type { HostServices } from './host-services';

type BackupHandlers = Pick<
  Handlers,
  'backups.list' | 'backups.progress' | 'backups.run' | 'backups.inspect' | 'backups.restore' | 'backups.undoRestore' | 'backups.setFolder'
>;

/** Every host opened through openApi has one; a dispatcher built without it cannot back up. */
function backupsOf(services: HostServices): BackupService {
  if (!services.backups) throw new AppError('backup_failed');
  return services.backups;
}

export const backupHandlers: BackupHandlers = {
  'backups.list': (_input, { services }) => backupsOf(services).list(),

  'backups.progress': async (_input, { services }) => backupsOf(services).progress(),

  'backups.run': (_input, { services }) => backupsOf(services).run('manual'),

  'backups.inspect': ({ path }, { services }) => backupsOf(services).inspect(path),

  'backups.restore': ({ path }, { services, caller }) => backupsOf(services).restore(path, { staffId: caller.staffId }),

  'backups.undoRestore': (_input, { services, caller }) => backupsOf(services).undoRestore({ staffId: caller.staffId }),

  'backups.setFolder': async ({ folder }, { tx, log }) => {
    if (folder !== null && !(await folderIsWritable(folder))) throw new AppError('backup_folder_unwritable', 'folder');
    await setDeskBackupFolder(tx, folder);
    log({ entity: 'desk_identity', entityId: 'desk', changes: { backupFolder: folder } });
    return { folder };
  },
};
