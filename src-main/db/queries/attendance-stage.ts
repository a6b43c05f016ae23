import { sql } from 'kysely';
import type { AttendanceStage } from '../../../src-shared/domain/today';

export type { AttendanceStage };

/**
 * The attendance columns of a booking or appointment for a status and, when attended, a stage: the
 * check-in instant is kept once set (arrived → in service → done keep when they arrived); back to
 * booked or a no-show clears them all.
 */
export function attendanceColumns(status: 'booked' | 'attended' | 'no_show', now: string, stage: AttendanceStage = 'arrived') {
  if (status !== 'attended') return { status, checked_in_at: null, in_service_at: null, done_at: null, updated_at: now };
  const keep = (column: 'checked_in_at' | 'in_service_at') => sql<string>`coalesce(${sql.ref(column)}, ${now})`;
  return {
    status,
    checked_in_at: keep('checked_in_at'),
    in_service_at: stage === 'arrived' ? null : stage === 'in_service' ? keep('in_service_at') : sql<string | null>`in_service_at`,
    done_at: stage === 'done' ? now : null,
    updated_at: now,
  };
}

/** The board's status of a booking or appointment row. */
export function todayStatusOf(row: { status: string; in_service_at: string | null; done_at: string | null }) {
  switch (row.status) {
    case 'attended':
      return row.done_at ? 'done' : row.in_service_at ? 'in_service' : 'arrived';
    case 'no_show':
      return 'no_show';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'expected';
  }
}
