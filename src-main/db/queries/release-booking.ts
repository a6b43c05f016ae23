import type { DeskNotification } from '../../../src-shared/domain/agenda';
import { hasFreePlace } from '../../engine/agenda/booking-rules';
import type { WriteTx } from '../database';
import { renumberWaitlist } from './bookings';
import { notifyWaitlist } from './notifications';
import { loadOccurrenceRow } from './occurrences';

/**
 * After a booking left an occurrence (cancelled, or its client erased): a waitlist closes its gap;
 * a freed place in a session still to come notifies every waitlisted client.
 */
export async function releaseBooking(tx: WriteTx, occurrenceId: string, previousStatus: string, now: string): Promise<DeskNotification[]> {
  if (previousStatus === 'waitlisted') {
    await renumberWaitlist(tx, occurrenceId, now);
    return [];
  }
  if (previousStatus !== 'booked') return [];
  const occurrence = await loadOccurrenceRow(tx, occurrenceId);
  const free = hasFreePlace({ places: occurrence.places, heldCount: occurrence.held_count });
  return free && occurrence.status === 'scheduled' && occurrence.starts_at > now ? notifyWaitlist(tx, occurrenceId, now) : [];
}
