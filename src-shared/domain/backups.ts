/**
 * Why a backup was made. daily / close / manual are rotated together (7 daily, 4 weekly, 12
 * monthly); the ones made before something risky are kept on their own terms.
 */
export const backupKinds = ['daily', 'close', 'manual', 'before-migration', 'before-update', 'before-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** Why a backup cannot be used. */
export const backupProblems = ['integrity', 'newer_schema', 'not_mostrador', 'unreadable'] as const;
export type BackupProblem = (typeof backupProblems)[number];

export interface BackupCounts {
  clients: number;
  bookings: number;
  appointments: number;
  sales: number;
}

/** What a backup holds, read from the file itself. */
export interface BackupContents {
  centreName: string;
  /** The newest change recorded (audit trail or feed), ISO UTC; null in an empty database. */
  lastChangeAt: string | null;
  counts: BackupCounts;
  /** The last migration the file has (its schema version). */
  schema: string | null;
}

/** The result of checking a file: it opens, SQLite finds it whole, and this app knows its schema. */
export type BackupCheck = { state: 'ok'; contents: BackupContents } | { state: 'damaged'; problem: BackupProblem; detail: string };

/** One backup file, as the list shows it. */
export interface BackupEntry {
  path: string;
  fileName: string;
  /** When it was made, ISO UTC. */
  at: string;
  kind: BackupKind;
  sizeBytes: number;
  /** unchecked: a file in the folder that no check has recorded (copied there by hand). */
  state: 'ok' | 'damaged' | 'unchecked';
  problem: BackupProblem | null;
  /** The data folder's backups/, or the second folder chosen in Ajustes. */
  where: 'data' | 'second';
  contents: BackupContents | null;
}

/** A backup or restore in progress (kept in memory by the host that runs it). */
export interface BackupProgress {
  kind: BackupKind | 'restore';
  phase: 'copying' | 'checking' | 'second-folder' | 'restoring';
  pagesDone: number;
  pagesTotal: number;
  startedAt: string;
}

/** The last restore, until it is undone: the file kept aside can be put back. */
export interface RestoreUndo {
  at: string;
  restoredFrom: string;
  keptAside: string;
}

export interface BackupsOverview {
  backups: BackupEntry[];
  /** Where this desk's backups live: `<data folder>/backups`. */
  dataFolder: string;
  /** The second folder chosen for this desk, or null. */
  secondFolder: string | null;
  /** When the last copy into the second folder failed (unplugged, full, read-only); null once one succeeds. */
  secondFolderFailedAt: string | null;
  running: BackupProgress | null;
  undo: RestoreUndo | null;
}

export interface RestoreReport {
  restoredFrom: string;
  /** The database as it was just before, kept as a backup of kind before-restore. */
  keptAside: string | null;
  contents: BackupContents;
}
