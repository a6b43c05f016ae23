import { basename, join } from 'node:path';
import type { BackupKind } from '../../../src-shared/domain/backups';
import { backupKinds } from '../../../src-shared/domain/backups';

/** Where a desk keeps its backups: `backups/` beside the database file. */
export function backupsFolderOf(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** `mostrador-2027-01-04T21-00-00-000Z-daily.db`: sorts by time, says its kind. */
export function backupFileName(kind: BackupKind, at: Date): string {
  return `mostrador-${at.toISOString().replace(/[:.]/g, '-')}-${kind}.db`;
}

const namePattern = /^mostrador-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.db$/;

/** The time and kind a backup's file name carries, or null for any other file. */
export function parseBackupFileName(path: string): { at: string; kind: BackupKind } | null {
  const m = namePattern.exec(basename(path));
  if (!m) return null;
  const kind = backupKinds.find((k) => k === m[6]);
  return kind ? { at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, kind } : null;
}

/** What is known of a backup file sits beside it, as JSON. */
export function sidecarPathOf(backupPath: string): string {
  return `${backupPath}.json`;
}

/** A backup being written: only renamed to its name once complete. */
export function partialPathOf(backupPath: string): string {
  return `${backupPath}.partial`;
}
