import { z } from 'zod';
import type { BackupContents, BackupEntry, BackupProgress, BackupsOverview, RestoreReport } from '../domain/backups';
import { managers } from './access';
import { command, hostTask, query, returns } from './define-call';
import { text } from './fields';

/** A file on this machine: a backup of the list, or any path typed in. */
const path = z.strictObject({ path: text(4096) });

/**
 * Backups and restore. Making one and restoring one are `host` calls, not commands: a backup steps
 * through the whole file while the desk keeps writing (inside the dispatcher's write transaction
 * it would hold the write lock for its whole length and have no row change to audit), and a
 * restore replaces the file under every transaction. Only choosing the second folder is a row
 * change (this desk's own desk_identity), so it is a command with its audit entry. All are for
 * owners and managers: a backup is a copy of everything.
 */
export const backupsApi = {
  'backups.list': query(z.strictObject({}), 'The backups in the data folder and the second folder, the second folder, the backup in progress and the restore that can be undone', returns<BackupsOverview>(), managers),
  'backups.progress': query(z.strictObject({}), 'The backup or restore in progress (pages copied of the total), or null', returns<BackupProgress | null>(), managers),
  'backups.run': hostTask(z.strictObject({}), 'Make a backup now (rotated with the daily ones); backup_running while another runs', returns<BackupEntry>(), managers),
  'backups.inspect': query(path, 'What a backup holds: the centre, the date of its last change, its counts; or why it cannot be restored', returns<BackupContents>(), managers),
  'backups.restore': hostTask(path, 'Replace the database with a backup; the current one is kept aside first (before-restore)', returns<RestoreReport>(), managers),
  'backups.undoRestore': hostTask(z.strictObject({}), 'Put back the database the last restore kept aside', returns<RestoreReport>(), managers),
  'backups.setFolder': command(
    z.strictObject({ folder: text(4096).nullable() }),
    "A second folder every backup is also copied to (a USB stick, a network share), or null; backup_folder_unwritable if it cannot be written",
    returns<{ folder: string | null }>(),
    managers,
  ),
};
