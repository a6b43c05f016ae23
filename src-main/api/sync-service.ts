import type { FirstSyncProgress } from '../sync/sync-agent';

/** The hosting process's sync (one agent per open database). */
export interface SyncService {
  /** Upload and download now (after the cycle running, if any). */
  syncNow(): Promise<void>;
  /** The settings changed: a cycle starts at once with them. */
  reconfigured(): void;
  /** The first download's progress while it runs. */
  progress(): FirstSyncProgress | null;
  /** Asks a server who a key is, without saving anything. */
  test(endpoint: string, key: string): Promise<{ centreName: string; serverTime: string }>;
}
