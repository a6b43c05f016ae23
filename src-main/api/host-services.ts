import type { BackupService } from '../db/backup/backup-service';
import type { FiscalService } from './fiscal-service';
import type { SyncService } from './sync-service';
import type { UpdateService } from './update-service';

/**
 * What a handler may ask of the process hosting it, beyond the database: the backups it runs (their
 * progress lives in memory), its sync with the cloud API and, in the packaged desktop app only, its self-update.
 */
export interface HostServices {
  backups: BackupService | null;
  updates: UpdateService | null;
  /** Sync with the cloud API (every host opened through openApi has it). */
  sync: SyncService | null;
  /** VERI*FACTU submission to the tax agency (every host opened through openApi has it). */
  fiscal?: FiscalService | null;
}

export const noHostServices: HostServices = { backups: null, updates: null, sync: null };
