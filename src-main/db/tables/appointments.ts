import type { Generated } from 'kysely';
import type { CreditColumns } from './checkout';
import type { AppointmentStatus, ExceptionKind, ScheduleVisibility } from '../../../src-shared/domain/appointments';
import type { TagMatch } from '../../../src-shared/domain/agenda';

export interface AppointmentSchedulesTable {
  id: string;
  staff_id: string;
  name: string;
  duration_min: number;
  buffer_before_min: number;
  buffer_after_min: number;
  lead_time_min: number;
  horizon_days: number;
  visibility: ScheduleVisibility;
  tag_match: TagMatch;
  redeemable_with_passes: 0 | 1;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface ScheduleServicesTable {
  schedule_id: string;
  service_id: string;
  created_at: string;
  updated_at: string;
}

export interface ScheduleTagsTable {
  schedule_id: string;
  tag_id: string;
  created_at: string;
  updated_at: string;
}

export interface ScheduleRangesTable {
  id: string;
  schedule_id: string;
  /** 1..7, Monday = 1. */
  weekday: number;
  /** HH:MM local; end may be 24:00. */
  start_time: string;
  end_time: string;
  created_at: string;
  updated_at: string;
}

export interface ScheduleExceptionsTable {
  id: string;
  staff_id: string;
  /** null: every schedule of the professional. */
  schedule_id: string | null;
  date: string;
  kind: ExceptionKind;
  /** JSON array of { start, end } (kind 'hours'). */
  ranges: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CentreHolidaysTable {
  date: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface AppointmentsTable extends CreditColumns {
  id: string;
  client_id: string;
  staff_id: string;
  service_id: string;
  schedule_id: string | null;
  starts_at: string;
  ends_at: string;
  local_date: string;
  local_start: string;
  local_end: string;
  buffer_before_min: number;
  buffer_after_min: number;
  /** starts_at minus the buffer before; ends_at plus the buffer after. */
  blocked_from: string;
  blocked_until: string;
  status: AppointmentStatus;
  /** JSON array of the override rules broken, or null. */
  overridden: string | null;
  source: 'desk' | 'client';
  note: string | null;
  cancel_reason: string | null;
  cancelled_at: string | null;
  checked_in_at: string | null;
  /** Attended and now being seen (migration 0008); null before. */
  in_service_at: Generated<string | null>;
  /** Attended and finished (migration 0008). */
  done_at: Generated<string | null>;
  created_at: string;
  updated_at: string;
}
