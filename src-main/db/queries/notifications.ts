import type { DeskNotification } from '../../../src-shared/domain/agenda';
import { AppError } from '../../errors/app-error';
import { newId } from '../../engine/ids';
import type { ReadDb, WriteTx } from '../database';
import { fullName } from '../../engine/text/full-name';
import { messagesAllowedColumn } from './consents';

/** A place freed: every waitlisted client of the occurrence gets a desk notice (one open notice each). */
export async function notifyWaitlist(tx: WriteTx, occurrenceId: string, now: string): Promise<DeskNotification[]> {
  const waiting = await tx
    .selectFrom('bookings')
    .innerJoin('clients', 'clients.id', 'bookings.client_id')
    .select(['bookings.id', 'bookings.client_id'])
    .where('bookings.occurrence_id', '=', occurrenceId)
    .where('bookings.status', '=', 'waitlisted')
    // A blacklisted client cannot take the place: nobody calls them about it.
    .where('clients.blacklisted', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('desk_notifications').select('desk_notifications.id').whereRef('desk_notifications.booking_id', '=', 'bookings.id').where('desk_notifications.resolved_at', 'is', null),
        ),
      ),
    )
    .execute();
  const ids: string[] = [];
  for (const booking of waiting) {
    const id = newId();
    ids.push(id);
    await tx
      .insertInto('desk_notifications')
      .values({ id, kind: 'place_freed', occurrence_id: occurrenceId, client_id: booking.client_id, booking_id: booking.id, resolved_at: null, created_at: now, updated_at: now })
      .execute();
  }
  return ids.length === 0 ? [] : openNotifications(tx, ids);
}

export async function assertNotificationExists(db: ReadDb, id: string, field = 'id'): Promise<void> {
  const found = await db.selectFrom('desk_notifications').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('not_found', field);
}

export async function resolveNotifications(tx: WriteTx, which: { bookingId: string } | { occurrenceId: string } | { id: string }, now: string): Promise<void> {
  let query = tx.updateTable('desk_notifications').set({ resolved_at: now, updated_at: now }).where('resolved_at', 'is', null);
  if ('bookingId' in which) query = query.where('booking_id', '=', which.bookingId);
  else if ('occurrenceId' in which) query = query.where('occurrence_id', '=', which.occurrenceId);
  else query = query.where('id', '=', which.id);
  await query.execute();
}

/** Open notices, newest first, with what the desk needs to call or message the client. */
export async function openNotifications(db: ReadDb, ids?: string[]): Promise<DeskNotification[]> {
  let query = db
    .selectFrom('desk_notifications')
    .innerJoin('occurrences', 'occurrences.id', 'desk_notifications.occurrence_id')
    .innerJoin('clients', 'clients.id', 'desk_notifications.client_id')
    .innerJoin('bookings', 'bookings.id', 'desk_notifications.booking_id')
    .select([
      'desk_notifications.id',
      'desk_notifications.kind',
      'desk_notifications.occurrence_id',
      'desk_notifications.booking_id',
      'desk_notifications.client_id',
      'desk_notifications.created_at',
      'occurrences.title',
      'occurrences.starts_at',
      'clients.first_name',
      'clients.last_name',
      'clients.phone',
      'bookings.waitlist_position',
      messagesAllowedColumn('clients.id'),
    ])
    .where('desk_notifications.resolved_at', 'is', null)
    .orderBy('desk_notifications.created_at', 'desc')
    .orderBy('bookings.waitlist_position');
  if (ids) query = query.where('desk_notifications.id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    occurrenceId: r.occurrence_id,
    occurrenceTitle: r.title,
    startsAt: r.starts_at,
    bookingId: r.booking_id,
    clientId: r.client_id,
    clientName: fullName(r.first_name, r.last_name),
    phone: r.phone,
    messagesAllowed: r.messages_allowed === 1,
    waitlistPosition: r.waitlist_position,
    createdAt: r.created_at,
  }));
}
