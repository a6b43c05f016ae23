import type { StaffRole } from '../../../src-shared/domain/staff';

export interface StaffTable {
  id: string;
  name: string;
  name_key: string;
  colour: string;
  role: StaffRole;
  active: 0 | 1;
  /** scrypt hash of the PIN (never the PIN); null: no PIN. */
  pin_hash: string | null;
  created_at: string;
  updated_at: string;
}

/** Wrong PINs typed on this desk, per person: five lock them out for a minute. Local. */
export interface PinAttemptsTable {
  staff_id: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}
