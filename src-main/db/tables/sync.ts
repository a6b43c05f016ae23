/** This desk's sync settings and cursors (one row). Local: never synced. */
export interface SyncStateTable {
  id: 1;
  enabled: 0 | 1;
  endpoint: string | null;
  desk_key: string | null;
  centre_id: string | null;
  centre_name: string | null;
  /** Every feed entry up to this one is settled on the server (applied or refused). */
  pushed_through: number;
  /** The server's order this desk has applied up to. */
  pulled_through: number;
  /** The server's last order when the desk last looked. */
  server_head: number;
  first_sync_done: 0 | 1;
  last_synced_at: string | null;
  offline_since: string | null;
  last_error_code: string | null;
  last_error_detail: string | null;
  last_error_at: string | null;
}

/** What the server refused of this desk's writes, for the conflicts list. Local. */
export interface SyncConflictsTable {
  id: string;
  at: string;
  reason: string;
  tbl: string;
  row_id: string;
  first_seq: number;
  last_seq: number;
  summary: string;
  occurrence_id: string | null;
  client_id: string | null;
  dismissed_at: string | null;
}

/** The feed entries one write transaction made: accepted or refused together. Local. */
export interface FeedGroupsTable {
  last_seq: number;
  first_seq: number;
}
