import type { BackupService } from '../db/backup/backup-service';
import type { UpdateService } from './update-service';

/**
 * What a handler may ask of the process hosting it, beyond the database: the backups it runs (their
 * progress lives in memory) and, in the packaged desktop app only, its self-update.
 */
export interface HostServices {
  backups: BackupService | null;
  updates: UpdateService | null;
}

export const noHostServices: HostServices = { backups: null, updates: null };
