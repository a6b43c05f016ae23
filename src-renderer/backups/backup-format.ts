import type { BackupProgress } from '../../src-shared/domain/backups';
import { formatNumber } from '../lib/format';

/** A file size in MB, one decimal, in the UI locale. */
export function megabytes(bytes: number): string {
  return formatNumber(bytes / 1_000_000, 1);
}

/** How far a backup or restore is, 0 to 100. */
export function percentOf(progress: BackupProgress): number {
  return progress.pagesTotal > 0 ? Math.floor((progress.pagesDone / progress.pagesTotal) * 100) : 0;
}
