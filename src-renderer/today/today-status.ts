import type { ApiResult } from '../../src-shared/api/result';
import type { TodayEntry, TodayStatus } from '../../src-shared/domain/today';
import { call } from '../api/client';

/** The statuses a person can be given from the board, in the order of the day. */
export const boardStatuses: readonly TodayStatus[] = ['expected', 'arrived', 'in_service', 'done', 'no_show', 'cancelled'];

/** Whether the board offers `to` for an entry now: a cancellation is final, and only an expected person is cancelled here. */
export function canSetStatus(entry: TodayEntry, to: TodayStatus): boolean {
  if (entry.status === 'cancelled' || entry.status === to) return false;
  if (to === 'cancelled') return entry.status === 'expected';
  return true;
}

/** Late: still expected and the start has passed. */
export function isLate(entry: TodayEntry, nowMs: number): boolean {
  return entry.status === 'expected' && Date.parse(entry.startsAt) < nowMs;
}

/** Owes money: seen (arrived or later), no sale charged it, and no pass credit paid or holds it. */
export function isUnpaid(entry: TodayEntry): boolean {
  return (entry.status === 'arrived' || entry.status === 'in_service' || entry.status === 'done') && !entry.paid && entry.creditState !== 'redeemed' && entry.creditState !== 'pending';
}

/**
 * One click of the board: the status onto the booking's or appointment's own calls (attendance with a
 * stage, a no-show, back to booked, or a cancellation), each with its role check and request id.
 */
export function saveStatus(entry: TodayEntry, to: TodayStatus): Promise<ApiResult<unknown>> {
  const stage = to === 'arrived' || to === 'in_service' || to === 'done' ? to : undefined;
  const status = stage ? ('attended' as const) : to === 'no_show' ? ('no_show' as const) : ('booked' as const);
  if (entry.kind === 'session') {
    if (to === 'cancelled') return call('sessions.cancelBooking', { bookingId: entry.id });
    return call('sessions.setAttendance', { bookingId: entry.id, status, ...(stage ? { stage } : {}) });
  }
  if (to === 'cancelled') return call('appointments.cancel', { appointmentId: entry.id });
  return call('appointments.setStatus', { appointmentId: entry.id, status, ...(stage ? { stage } : {}) });
}
