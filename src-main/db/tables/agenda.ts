import type { Generated } from 'kysely';
import type { CreditColumns } from './checkout';
import type { AttendanceMode, BookingStatus, EventKind, SessionMode, TagMatch } from '../../../src-shared/domain/agenda';

export interface SeriesTable {
  id: string;
  kind: EventKind;
  title: string;
  mode: SessionMode;
  online_link: string | null;
  organizer_id: string;
  session_type_id: string | null;
  description: string | null;
  /** File name of the cover in the data folder's covers/. */
  cover_image: string | null;
  start_date: string;
  start_time: string;
  duration_min: number;
  time_zone: string;
  /** Floating-time RRULE text; null for a one-off. */
  rrule: string | null;
  places: number | null;
  attendance_mode: AttendanceMode;
  tag_match: TagMatch;
  redeemable_with_passes: 0 | 1;
  /** Occurrences exist up to this local date (open-ended series are extended at start-up). */
  materialised_until: string;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SeriesTagsTable {
  series_id: string;
  tag_id: string;
  created_at: string;
  updated_at: string;
}

export interface OccurrencesTable {
  id: string;
  series_id: string;
  /** The date the series' rule gave it; local_date differs once it alone was moved. */
  series_date: string;
  /**
   * The local date and time of starts_at in the series' zone (occurrenceLocalTimes). Older rows may hold
   * the rule's wall time for a start in a spring-forward gap in local_start (02:30 for a class at 03:30), so
   * the lists show the time read from starts_at instead.
   */
  local_date: string;
  local_start: string;
  starts_at: string;
  ends_at: string;
  title: string;
  organizer_id: string;
  places: number | null;
  status: 'scheduled' | 'cancelled';
  /** Changed on its own ("this occurrence only"). */
  edited: 0 | 1;
  /** Kept by triggers on bookings: booked + attended + no-show, and waitlisted. */
  held_count: number;
  waitlist_count: number;
  created_at: string;
  updated_at: string;
}

export interface BookingsTable extends CreditColumns {
  id: string;
  occurrence_id: string;
  client_id: string;
  status: BookingStatus;
  waitlist_position: number | null;
  over_places: 0 | 1;
  source: 'desk' | 'client';
  booked_by: string | null;
  cancelled_at: string | null;
  checked_in_at: string | null;
  /** Attended and now being seen (migration 0008); null before. */
  in_service_at: Generated<string | null>;
  /** Attended and finished (migration 0008). */
  done_at: Generated<string | null>;
  /** When the desk offered a freed place to this waitlisted client (migration 0009). */
  offered_at: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface DeskNotificationsTable {
  id: string;
  kind: 'place_freed';
  occurrence_id: string;
  client_id: string;
  booking_id: string;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
}
