/** One row change of the centre's data, written by the feed's triggers (local: the desk's own record). */
export interface FeedTable {
  seq: number;
  desk_id: string;
  at: string;
  /** The table changed. */
  tbl: string;
  /** JSON array of the row's primary-key values. */
  row_id: string;
  op: 'insert' | 'update' | 'delete' | 'erase';
  /** JSON object: the whole row on insert, the changed columns on update; null on delete, erase or once redacted. */
  data: string | null;
  subject_client_id: string | null;
  /** 1 once an erasure removed a client's data from this entry. */
  redacted: 0 | 1;
}

/** A row here pauses the feed (while applying changes that came from elsewhere). Local. */
export interface FeedPausedTable {
  reason: string;
}

/** Which installation this is. Local: never synced, never shared by two desks. */
export interface DeskIdentityTable {
  id: string;
  name: string;
  created_at: string;
  /** A second folder backups are also written to, or null. */
  backup_folder: string | null;
  /** The generic update feed (https), or null: no self-update. */
  update_url: string | null;
  update_channel: 'latest' | 'beta';
  /** The series this desk's receipts are numbered in. */
  receipt_series: string;
  /** The last receipt number given in the series (never given again). */
  receipt_last_number: number;
}

/** The first answer of a write sent with a requestId. Local. */
export interface RequestResultsTable {
  request_id: string;
  call: string;
  /** SHA-256 of the input as sent: the same id with another input is refused. */
  input_hash: string;
  /** JSON of the value answered. */
  answer: string;
  at: string;
}
