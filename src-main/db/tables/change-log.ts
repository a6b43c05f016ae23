export interface ChangeLogTable {
  id: string;
  at: string;
  call: string;
  entity: string;
  entity_id: string;
  subject_client_id: string | null;
  staff_id: string | null;
  /** JSON object: the changed fields and their new values. */
  changes: string;
  synced_at: string | null;
  /** The installation the call was made at. */
  desk_id: string | null;
  /** The manager or owner whose PIN approved the call on the spot. */
  approved_by: string | null;
}
