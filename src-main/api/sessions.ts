import type { Insertable } from 'kysely';
import type { WriteTx } from '../db/database';
import type { BookingsTable } from '../db/tables/agenda';
import { creditOnAttendance, creditOnCancelled, loadCreditTarget, spendCreditFor, usableFor } from '../db/queries/booking-credits';
import {
  bookFromWaitlist,
  bookingsOf,
  hasLiveBooking,
  insertBooking,
  insertedBooking,
  loadBooking,
  loadBookingClient,
  markBookingCancelled,
  markBookingOffered,
  renumberWaitlist,
  setBookingAttendance,
} from '../db/queries/bookings';
import { clientBlacklisted, loadClientForBooking } from '../db/queries/clients';
import { resolveNotifications } from '../db/queries/notifications';
import { releaseBooking } from '../db/queries/release-booking';
import { loadOccurrenceRow, loadOccurrenceSummary, occurrenceSummaries } from '../db/queries/occurrences';
import { loadSeries, loadSeriesRow, seriesTagIds, tagRulesOfSeries } from '../db/queries/series';
import { readCentreSettings } from '../db/queries/settings';
import { clientTagIds } from '../db/queries/tags';
import { canSeeSession, decideBooking, hasFreePlace } from '../engine/agenda/booking-rules';
import { newId } from '../engine/ids';
import { creditOnBook } from '../engine/passes/credit-rules';
import { localDate } from '../engine/time/local-date';
import { AppError } from '../errors/app-error';
import { checkInOpen } from '../../src-shared/agenda/check-in-window';
import { localRangeToInstants } from './agenda-range';
import type { Caller } from './caller';
import { assertOwnCalendar, creditContextOf } from './caller';
import type { Handlers } from './handler';

type SessionHandlers = Pick<
  Handlers,
  'sessions.get' | 'sessions.book' | 'sessions.cancelBooking' | 'sessions.completeBooking' | 'sessions.markOffered' | 'sessions.setAttendance' | 'sessions.visibleTo'
>;

/** An occurrence that can still take bookings: a scheduled session that has not started. */
async function bookableOccurrence(tx: WriteTx, occurrenceId: string, now: string) {
  const occurrence = await loadOccurrenceRow(tx, occurrenceId);
  const series = await loadSeriesRow(tx, occurrence.series_id);
  if (series.kind !== 'session') throw new AppError('not_bookable', 'occurrenceId');
  if (occurrence.status === 'cancelled') throw new AppError('occurrence_cancelled', 'occurrenceId');
  if (occurrence.starts_at <= now) throw new AppError('occurrence_past', 'occurrenceId');
  return { occurrence, series };
}

/** A professional changes bookings only in the sessions they run. */
async function assertOwnSession(tx: WriteTx, caller: Caller, occurrenceId: string): Promise<void> {
  if (caller.role === 'professional') assertOwnCalendar(caller, (await loadOccurrenceRow(tx, occurrenceId)).organizer_id);
}

export const sessionHandlers: SessionHandlers = {
  'sessions.get': async ({ occurrenceId }, { db }) => {
    const occurrence = await loadOccurrenceSummary(db, occurrenceId);
    const [series, all] = await Promise.all([loadSeries(db, occurrence.seriesId), bookingsOf(db, occurrenceId)]);
    return {
      occurrence,
      series,
      bookings: all.filter((b) => b.status === 'booked' || b.status === 'attended' || b.status === 'no_show'),
      waitlist: all.filter((b) => b.status === 'waitlisted'),
      cancelled: all.filter((b) => b.status === 'cancelled'),
    };
  },

  'sessions.book': async ({ occurrenceId, clientId, overPlaces, source, redeemPass, overrideReason }, context) => {
    const { tx, now, log, caller } = context;
    const { occurrence, series } = await bookableOccurrence(tx, occurrenceId, now);
    assertOwnCalendar(caller, occurrence.organizer_id);
    if (series.attendance_mode === 'open') throw new AppError('booking_not_needed', 'occurrenceId');
    const client = await loadBookingClient(tx, clientId, 'clientId');
    if (client.blacklisted === 1) throw new AppError('client_blacklisted', 'clientId');
    const bySelf = (source ?? 'desk') === 'client';
    if (bySelf && overPlaces) throw new AppError('invalid_input', 'overPlaces');
    // The session's tags keep a client out; the desk may still book them, saying why (recorded below).
    const lacksTags = series.attendance_mode === 'tags' && !canSeeSession(await clientTagIds(tx, clientId), await seriesTagIds(tx, series.id), series.tag_match);
    if (lacksTags && bySelf) throw new AppError('not_visible_to_client', 'clientId');
    if (lacksTags && !overrideReason) throw new AppError('tags_not_matched', 'overrideReason');
    if (await hasLiveBooking(tx, occurrenceId, clientId)) throw new AppError('already_booked', 'clientId');

    // The place check and the insert share this IMMEDIATE transaction: two desks cannot both take the last place.
    const decision = decideBooking({
      places: occurrence.places,
      heldCount: occurrence.held_count,
      waitlistCount: occurrence.waitlist_count,
      overPlaces: overPlaces ?? false,
    });
    // A session redeemable with passes: the client pays with a credit now (or holds one to wait); the desk may leave it pending.
    const payer = {
      clientId,
      use: series.session_type_id === null ? null : { sessionTypeId: series.session_type_id },
      localDate: occurrence.local_date,
      passesAllowed: series.redeemable_with_passes === 1,
      plansApply: false,
    };
    const payNow = bySelf || redeemPass === true;
    const usable = payNow && payer.passesAllowed ? await usableFor(tx, payer) : null;
    const credit = creditOnBook({ ...payer, usable, source: source ?? 'desk', redeemPass, placed: decision.status === 'booked' });
    if ('refuse' in credit) throw new AppError(credit.refuse, redeemPass === true ? 'redeemPass' : 'clientId');
    const id = newId();
    const row: Insertable<BookingsTable> = {
      id,
      occurrence_id: occurrenceId,
      client_id: clientId,
      status: decision.status,
      waitlist_position: decision.waitlistPosition,
      over_places: decision.overPlaces ? 1 : 0,
      source: source ?? 'desk',
      booked_by: caller.staffId,
      cancelled_at: null,
      checked_in_at: null,
      credit_state: credit.state,
      pay_with_pass: credit.payWithPass ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await insertBooking(tx, row);
    if (credit.state === 'redeemed') await spendCreditFor(tx, { kind: 'booking', id }, usable!.id, creditContextOf(context));
    log({
      entity: 'booking',
      entityId: id,
      subjectClientId: clientId,
      changes: { occurrenceId, clientId, status: decision.status, overPlaces: decision.overPlaces, creditState: credit.state, ...(overrideReason ? { overrideReason } : {}) },
    });
    // Not read back: what was just written, with the client read above (spending a credit sets the pass).
    return insertedBooking(row, client, credit.state === 'redeemed' ? usable!.id : null);
  },

  'sessions.cancelBooking': async ({ bookingId }, context) => {
    const { tx, now, log, caller } = context;
    const booking = await loadBooking(tx, bookingId);
    await assertOwnSession(tx, caller, booking.occurrenceId);
    if (booking.status !== 'booked' && booking.status !== 'waitlisted') throw new AppError('invalid_status_change', 'bookingId');
    await markBookingCancelled(tx, bookingId, now);
    const creditState = await creditOnCancelled(tx, { kind: 'booking', id: bookingId }, creditContextOf(context));
    await resolveNotifications(tx, { bookingId }, now);
    const notified = await releaseBooking(tx, booking.occurrenceId, booking.status, now);
    log({
      entity: 'booking',
      entityId: bookingId,
      subjectClientId: booking.clientId,
      changes: { status: 'cancelled', notified: notified.length, ...(creditState ? { creditState } : {}) },
    });
    return { booking: await loadBooking(tx, bookingId), notified };
  },

  'sessions.completeBooking': async ({ bookingId }, context) => {
    const { tx, now, log, caller } = context;
    const booking = await loadBooking(tx, bookingId);
    await assertOwnSession(tx, caller, booking.occurrenceId);
    if (booking.status !== 'waitlisted') throw new AppError('not_waitlisted', 'bookingId');
    // Blacklisted while waiting: they cannot take the place either.
    if (await clientBlacklisted(tx, booking.clientId)) throw new AppError('client_blacklisted', 'bookingId');
    const { occurrence } = await bookableOccurrence(tx, booking.occurrenceId, now);
    const held = occurrence.held_count;
    if (!hasFreePlace({ places: occurrence.places, heldCount: held })) throw new AppError('no_free_place', 'bookingId');
    // Nothing was spent while waiting: a booking meant to be paid with a credit spends it now, or cannot take the place.
    const target = await loadCreditTarget(tx, { kind: 'booking', id: bookingId }, 'bookingId');
    const pass = target.creditState === 'pending' && target.payWithPass && target.passesAllowed ? await usableFor(tx, target) : undefined;
    if (pass === null) throw new AppError('no_valid_pass', 'bookingId');
    await bookFromWaitlist(tx, bookingId, now);
    if (pass) await spendCreditFor(tx, target, pass.id, creditContextOf(context));
    await renumberWaitlist(tx, occurrence.id, now);
    await resolveNotifications(tx, { bookingId }, now);
    // The freed place is taken: the others' notices are out of date, they stay waiting.
    if (!hasFreePlace({ places: occurrence.places, heldCount: held + 1 })) await resolveNotifications(tx, { occurrenceId: occurrence.id }, now);
    log({ entity: 'booking', entityId: bookingId, subjectClientId: booking.clientId, changes: { status: 'booked', fromWaitlist: true, ...(pass ? { creditState: 'redeemed' } : {}) } });
    return loadBooking(tx, bookingId);
  },

  'sessions.markOffered': async ({ bookingId }, { tx, now, log, caller }) => {
    const booking = await loadBooking(tx, bookingId);
    await assertOwnSession(tx, caller, booking.occurrenceId);
    if (booking.status !== 'waitlisted') throw new AppError('not_waitlisted', 'bookingId');
    await markBookingOffered(tx, bookingId, now);
    log({ entity: 'booking', entityId: bookingId, subjectClientId: booking.clientId, changes: { offeredAt: now } });
    return loadBooking(tx, bookingId);
  },

  'sessions.setAttendance': async ({ bookingId, status, stage }, context) => {
    const { tx, now, log, caller } = context;
    // A stage says where an attended person is: only with attended.
    if (stage !== undefined && status !== 'attended') throw new AppError('invalid_input', 'stage');
    const booking = await loadBooking(tx, bookingId);
    const occurrence = await loadOccurrenceRow(tx, booking.occurrenceId);
    assertOwnCalendar(caller, occurrence.organizer_id);
    if (!['booked', 'attended', 'no_show'].includes(booking.status)) throw new AppError('invalid_status_change', 'status');
    const settings = await readCentreSettings(tx);
    // Check-in opens on the day of the session, not before.
    if (status !== 'booked' && occurrence.local_date > localDate(new Date(now), settings.timeZone)) throw new AppError('invalid_status_change', 'status');
    if (status === 'attended' && booking.status !== 'attended' && !checkInOpen(occurrence.starts_at, settings.checkInMinutesBefore, Date.parse(now))) {
      throw new AppError('check_in_too_early', 'status', { limit: settings.checkInMinutesBefore });
    }
    await setBookingAttendance(tx, bookingId, status, now, stage);
    const creditState = await creditOnAttendance(tx, { kind: 'booking', id: bookingId }, booking.status, status, creditContextOf(context));
    log({
      entity: 'booking',
      entityId: bookingId,
      subjectClientId: booking.clientId,
      changes: { status, ...(stage ? { stage } : {}), ...(creditState ? { creditState } : {}) },
    });
    return loadBooking(tx, bookingId);
  },

  'sessions.visibleTo': async ({ clientId, from, to }, { db }) => {
    const client = await loadClientForBooking(db, clientId, 'clientId');
    if (client.blacklisted === 1) return [];
    const settings = await readCentreSettings(db);
    const range = localRangeToInstants(from, to, settings.timeZone);
    const held = await clientTagIds(db, clientId);
    const sessions = (await occurrenceSummaries(db, { range, scheduledOnly: true, kinds: ['session'], startsAfter: new Date().toISOString() })).filter(
      (s) => s.attendanceMode !== 'open',
    );
    const seriesIds = [...new Set(sessions.filter((s) => s.attendanceMode === 'tags').map((s) => s.seriesId))];
    const tagRows = await tagRulesOfSeries(db, seriesIds);
    const visible = new Set(
      seriesIds.filter((id) => {
        const rows = tagRows.filter((r) => r.series_id === id);
        return canSeeSession(held, rows.map((r) => r.tag_id), rows[0]?.tag_match ?? 'any');
      }),
    );
    return sessions.filter((s) => s.attendanceMode === 'booking' || visible.has(s.seriesId));
  },
};
