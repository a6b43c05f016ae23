import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { backupFileName, backupsFolderOf } from './backup-names';
import { deskIdOf } from './desk-facts';
import { recordBackup } from './record-backup';

/**
 * The backup made before a migration changes a file that holds data: in the same backups folder
 * as the others, of kind before-migration (migrate() writes it with the online backup API on the
 * not-yet-migrated connection); `record` checks it and writes its sidecar afterwards, whether the
 * migration succeeded or not.
 */
export function beforeMigrationBackup(dbPath: string, at: Date = new Date()) {
  const path = join(backupsFolderOf(dirname(dbPath)), backupFileName('before-migration', at));
  return {
    pathFor: (_pending: string) => path,
    async record(sqlite: Sqlite.Database): Promise<void> {
      if (!existsSync(path)) return;
      try {
        await recordBackup(path, { kind: 'before-migration', at, deskId: deskIdOf(sqlite), where: 'data' });
      } catch (error) {
        console.warn('[backups] the backup made before migrating could not be checked', error);
      }
    },
  };
}
