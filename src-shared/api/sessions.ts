import { z } from 'zod';
import type { Booking, BookingEligibility, DeskNotification, Occurrence, OccurrenceDetail } from '../domain/agenda';
import { attendanceStages } from '../domain/today';
import { command, query, returns } from './define-call';
import { id, isoDate, optionalText } from './fields';
import { calendarWork, everyone } from './access';

export const sessionsApi = {
  'sessions.get': query(
    z.strictObject({ occurrenceId: id }),
    'One occurrence with its series, bookings and waitlist',
    returns<OccurrenceDetail>(),
    everyone,
  ),
  'sessions.book': command(
    z.strictObject({
      occurrenceId: id,
      clientId: id,
      /** Staff only: book beyond the places (recorded on the booking). */
      overPlaces: z.boolean().optional(),
      /** 'client' when the client books themselves: the session's tag visibility applies. */
      source: z.enum(['desk', 'client']).optional(),
      /** Spend a pass credit now (always when the client books a session redeemable with passes); else the credit stays pending. */
      redeemPass: z.boolean().optional(),
      /** Why the desk books a client the session's rules would keep out (its tags, no valid pass): recorded in the audit log. */
      overrideReason: optionalText(300),
    }),
    'Book a client into a session; when it is full they join the waitlist',
    returns<Booking>(),
    calendarWork,
  ),
  'sessions.cancelBooking': command(
    z.strictObject({ bookingId: id }),
    'Cancel a booking or leave the waitlist; a freed place notifies every waitlisted client',
    returns<{ booking: Booking; notified: DeskNotification[] }>(),
    calendarWork,
  ),
  'sessions.completeBooking': command(
    z.strictObject({ bookingId: id }),
    'A waitlisted client completes their booking: they take a free place, if one is still free',
    returns<Booking>(),
    calendarWork,
  ),
  'sessions.markOffered': command(
    z.strictObject({ bookingId: id }),
    'Record that the desk offered a freed place to a waitlisted client (by WhatsApp or a call)',
    returns<Booking>(),
    calendarWork,
  ),
  'sessions.setAttendance': command(
    z.strictObject({ bookingId: id, status: z.enum(['attended', 'no_show', 'booked']), stage: z.enum(attendanceStages).optional() }),
    'Check a client in (attended: arrived, then in service, then done), mark a no-show, or undo it',
    returns<Booking>(),
    calendarWork,
  ),
  'sessions.eligibility': query(
    z.strictObject({ occurrenceId: id, clientIds: z.array(id).min(1).max(20) }),
    'What stands between some clients and a booking in a session (blacklist, its tags, a valid pass), shown before the desk books',
    returns<BookingEligibility[]>(),
    calendarWork,
  ),
  'sessions.visibleTo': query(
    z.strictObject({ clientId: id, from: isoDate, to: isoDate }),
    'The sessions a given client may see and book in a date range',
    returns<Occurrence[]>(),
    everyone,
  ),
};
