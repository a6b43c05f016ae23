import type { RefusalReason } from '../sync/protocol';

/** This desk's sync settings (Ajustes › Sincronización). The key is never read back, only whether one is set. */
export interface SyncSettings {
  enabled: boolean;
  /** The cloud API's address (https, or http on this machine), or null. */
  endpoint: string | null;
  keySet: boolean;
}

/** Where sync stands, for the top bar. */
export type SyncState =
  /** Sync is off (the default): the desk works alone. */
  | 'off'
  /** Everything this desk wrote is on the server and it has everything the server has. */
  | 'synced'
  /** Changes wait to be uploaded (a cycle is due or running). */
  | 'waiting'
  /** The server cannot be reached; the desk keeps working and uploads later. */
  | 'offline'
  /** The server answered with an error that retrying will not fix (a revoked key, an older server). */
  | 'error'
  /** Joining a centre: its data is being downloaded in pages. */
  | 'first_sync';

export interface SyncStatus {
  state: SyncState;
  enabled: boolean;
  endpoint: string | null;
  centreName: string | null;
  /** Feed entries this desk wrote that the server has not settled yet. */
  waiting: number;
  /** When the server was last reached (null: never). */
  lastSyncedAt: string | null;
  /** Since when the server cannot be reached (null: it can). */
  offlineSince: string | null;
  /** The last error, translated, with when it happened. */
  lastError: { code: string; message: string; at: string } | null;
  /** The first download's progress, while joining a centre. */
  firstSync: { done: number; total: number } | null;
  /** Conflicts not yet dismissed. */
  openConflicts: number;
}

/** What a desk that lost a conflict can do next. */
export type ConflictNextStep = 'waitlist' | 'another_time' | 'credit_returned' | 'other_code' | 'rename';

/** Something this desk did offline that the server refused because another desk got there first. */
export interface SyncConflict {
  id: string;
  at: string;
  reason: RefusalReason;
  /** The refused row: a booking, an appointment, a promo redemption, a ledger entry, a named thing. */
  table: string;
  rowId: string;
  /** What it was, readable: "Yoga · 8/12/2026 10:00 · Ana García". */
  summary: string;
  /** Why, translated. */
  message: string;
  nextSteps: ConflictNextStep[];
  /** Where to go for the next step. */
  occurrenceId: string | null;
  clientId: string | null;
  dismissedAt: string | null;
}

/** Bookings and appointments written on this desk that the server has not confirmed yet ("pendiente de confirmar"). */
export interface ProvisionalRows {
  bookings: string[];
  appointments: string[];
}
