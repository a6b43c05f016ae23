/** The backups this process makes and restores (filled in by the backups work). */
export interface BackupService {
  /** Stops the daily timer and waits for a backup in progress. */
  close(): Promise<void>;
}
