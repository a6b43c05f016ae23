import type { StaffRole } from '../../../src-shared/domain/staff';

export interface StaffTable {
  id: string;
  name: string;
  name_key: string;
  colour: string;
  role: StaffRole;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

/** This machine's own state (who works at the desk): never synced. */
export interface DeskStateTable {
  key: string;
  value: string | null;
  updated_at: string;
}
