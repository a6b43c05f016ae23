import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { AgendaWorld } from '../helpers/agenda-fixtures';
import { addDays, agendaWorld, createSeries, dayFromToday, nextWeekday, occurrencesOf, unknownId } from '../helpers/agenda-fixtures';
import { rowCounts } from './db-inspect';

let api: TempApi;
let world: AgendaWorld;
beforeEach(async () => {
  api = await openTempApi();
  world = await agendaWorld(api, 6);
});
afterEach(async () => {
  await api.close();
});

const c = (i: number) => world.clients[i]!;

/** A one-off session a week ahead with `places` places; its occurrence id. */
async function session(places: number | null = 2, over: Parameters<typeof createSeries>[2] = {}) {
  const { series } = await createSeries(api, world.ana, { places, ...over });
  return { series, occurrenceId: occurrencesOf(api, series.id)[0]!.id };
}

/**
 * Bookings into occurrences that already started are refused by design, so past attendance is
 * arranged with SQL straight into the file (the rows the API would have written back then).
 */
function insertPastBooking(occurrenceId: string, clientId: string, status: 'booked' | 'attended' | 'no_show' | 'cancelled') {
  const id = `01PAST${String(Math.floor(Math.random() * 1e15)).padStart(20, '0')}`.slice(0, 26);
  const at = new Date().toISOString();
  api.host.database.sqlite
    .prepare(
      `INSERT INTO bookings (id, occurrence_id, client_id, status, waitlist_position, over_places, source, booked_by, cancelled_at, checked_in_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, 0, 'desk', NULL, NULL, NULL, ?, ?)`,
    )
    .run(id, occurrenceId, clientId, status, at, at);
  return id;
}

function waitlistPositions(occurrenceId: string) {
  return api.host.database.sqlite
    .prepare("SELECT client_id, waitlist_position FROM bookings WHERE occurrence_id = ? AND status = 'waitlisted' ORDER BY waitlist_position")
    .all(occurrenceId) as { client_id: string; waitlist_position: number }[];
}

describe('sessions.book', () => {
  it('books free places, then waitlists with positions 1, 2, 3', async () => {
    const { occurrenceId } = await session(2);
    const b = [];
    for (let i = 0; i < 5; i++) b.push(await api.call('sessions.book', { occurrenceId, clientId: c(i) }));
    expect(b.map((x) => [x.status, x.waitlistPosition])).toEqual([
      ['booked', null],
      ['booked', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    expect(b[0]).toMatchObject({ clientId: c(0), clientName: 'Cliente 01', phone: '+34612345001', overPlaces: false, hasNotes: false });
    const detail = await api.call('sessions.get', { occurrenceId });
    expect(detail.occurrence).toMatchObject({ bookedCount: 2, waitlistCount: 3, places: 2 });
    expect(detail.bookings.map((x) => x.clientId)).toEqual([c(0), c(1)]);
    expect(detail.waitlist.map((x) => [x.clientId, x.waitlistPosition])).toEqual([
      [c(2), 1],
      [c(3), 2],
      [c(4), 3],
    ]);
  });

  it('books beyond the places only with the staff override, recorded on the booking and in the log', async () => {
    const { occurrenceId } = await session(1);
    await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    const over = await api.call('sessions.book', { occurrenceId, clientId: c(1), overPlaces: true });
    expect(over).toMatchObject({ status: 'booked', overPlaces: true, waitlistPosition: null });
    const logged = api.host.database.sqlite.prepare("SELECT changes FROM change_log WHERE call = 'sessions.book' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(logged)).toMatchObject({ overPlaces: true, status: 'booked' });
    // Over places, the next client still waits.
    expect((await api.call('sessions.book', { occurrenceId, clientId: c(2) })).status).toBe('waitlisted');
    expect((await api.call('sessions.get', { occurrenceId })).occurrence.bookedCount).toBe(2);
    // A client booking themselves cannot override.
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: c(3), overPlaces: true, source: 'client' })).toMatchObject({ code: 'invalid_input', field: 'overPlaces' });
  });

  it('unlimited places never waitlist', async () => {
    const { occurrenceId } = await session(null);
    for (let i = 0; i < 6; i++) expect((await api.call('sessions.book', { occurrenceId, clientId: c(i) })).status).toBe('booked');
  });

  it('refuses with clear errors, writing nothing', async () => {
    const { occurrenceId } = await session(2);
    await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    await api.call('clients.setBlacklist', { id: c(5), blacklisted: true, reason: 'Impagos' });
    const open = await session(null, { attendanceMode: 'open' });
    const meeting = await createSeries(api, world.ana, { kind: 'meeting', title: 'Reunión' });
    const cancelled = await session(2);
    await api.call('series.cancel', { occurrenceId: cancelled.occurrenceId, scope: 'occurrence' });
    const past = await createSeries(api, world.ana, { startDate: dayFromToday(-3) });

    const before = rowCounts(api.host.database.sqlite);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ occurrenceId, clientId: c(0) }, 'already_booked', 'clientId'],
      [{ occurrenceId, clientId: c(5) }, 'client_blacklisted', 'clientId'],
      [{ occurrenceId, clientId: c(5), overPlaces: true }, 'client_blacklisted', 'clientId'],
      [{ occurrenceId: cancelled.occurrenceId, clientId: c(1) }, 'occurrence_cancelled', 'occurrenceId'],
      [{ occurrenceId: occurrencesOf(api, past.series.id)[0]!.id, clientId: c(1) }, 'occurrence_past', 'occurrenceId'],
      [{ occurrenceId: open.occurrenceId, clientId: c(1) }, 'booking_not_needed', 'occurrenceId'],
      [{ occurrenceId: occurrencesOf(api, meeting.series.id)[0]!.id, clientId: c(1) }, 'not_bookable', 'occurrenceId'],
      [{ occurrenceId: unknownId, clientId: c(1) }, 'not_found', 'occurrenceId'],
      [{ occurrenceId, clientId: unknownId }, 'not_found', 'clientId'],
      [{ occurrenceId, clientId: 'nope' }, 'invalid_input', 'clientId'],
    ];
    for (const [input, code, field] of cases) {
      const error = await api.refuse('sessions.book', input);
      expect(error).toMatchObject({ code, field });
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });

  it('a waitlisted client counts as booked (already_booked), and may book again after cancelling', async () => {
    const { occurrenceId } = await session(1);
    await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    const waiting = await api.call('sessions.book', { occurrenceId, clientId: c(1) });
    expect(await api.refuse('sessions.book', { occurrenceId, clientId: c(1) })).toMatchObject({ code: 'already_booked' });
    await api.call('sessions.cancelBooking', { bookingId: waiting.id });
    expect((await api.call('sessions.book', { occurrenceId, clientId: c(1) })).status).toBe('waitlisted');
  });
});

describe('cancelling, notifications and completing a booking', () => {
  async function fullWithWaitlist() {
    const { occurrenceId } = await session(2);
    const booked = [await api.call('sessions.book', { occurrenceId, clientId: c(0) }), await api.call('sessions.book', { occurrenceId, clientId: c(1) })];
    const waiting = [];
    for (let i = 2; i < 5; i++) waiting.push(await api.call('sessions.book', { occurrenceId, clientId: c(i) }));
    return { occurrenceId, booked, waiting };
  }

  it('a freed place notifies every waitlisted client, with phone', async () => {
    const { occurrenceId, booked, waiting } = await fullWithWaitlist();
    const { booking, notified } = await api.call('sessions.cancelBooking', { bookingId: booked[0]!.id });
    expect(booking).toMatchObject({ status: 'cancelled', waitlistPosition: null });
    expect(notified.map((n) => [n.bookingId, n.waitlistPosition, n.phone])).toEqual(waiting.map((w, i) => [w.id, i + 1, `+34612345${String(i + 3).padStart(3, '0')}`]));
    const list = await api.call('notifications.list', {});
    expect(list).toHaveLength(3);
    for (const n of list) expect(n).toMatchObject({ kind: 'place_freed', occurrenceId, occurrenceTitle: 'Pilates', phone: expect.stringMatching(/^\+34/) });
    expect(new Set(list.map((n) => n.clientId))).toEqual(new Set([c(2), c(3), c(4)]));
    expect((await api.call('sessions.get', { occurrenceId })).cancelled.map((b) => b.id)).toEqual([booked[0]!.id]);
    expect(await api.refuse('sessions.cancelBooking', { bookingId: booked[0]!.id })).toMatchObject({ code: 'invalid_status_change' });
  });

  it('the first waitlisted client to complete takes the place; the next gets no_free_place and keeps waiting', async () => {
    const { occurrenceId, booked, waiting } = await fullWithWaitlist();
    await api.call('sessions.cancelBooking', { bookingId: booked[0]!.id });
    // The third in line completes first: they win the place.
    const won = await api.call('sessions.completeBooking', { bookingId: waiting[2]!.id });
    expect(won).toMatchObject({ status: 'booked', waitlistPosition: null });
    expect(await api.refuse('sessions.completeBooking', { bookingId: waiting[0]!.id })).toMatchObject({ code: 'no_free_place', field: 'bookingId' });
    expect(waitlistPositions(occurrenceId)).toEqual([
      { client_id: c(2), waitlist_position: 1 },
      { client_id: c(3), waitlist_position: 2 },
    ]);
    // No place is left: every notice is resolved.
    expect(await api.call('notifications.list', {})).toEqual([]);
    const detail = await api.call('sessions.get', { occurrenceId });
    expect(detail.occurrence).toMatchObject({ bookedCount: 2, waitlistCount: 2 });
    expect(await api.refuse('sessions.completeBooking', { bookingId: won.id })).toMatchObject({ code: 'not_waitlisted' });
  });

  it('a client blacklisted while waiting cannot take a freed place', async () => {
    const { booked, waiting } = await fullWithWaitlist();
    await api.call('clients.setBlacklist', { id: waiting[0]!.clientId, blacklisted: true, reason: 'Impago' });
    const { notified } = await api.call('sessions.cancelBooking', { bookingId: booked[0]!.id });
    // Only those who can take it are told.
    expect(notified.map((n) => n.bookingId)).toEqual([waiting[1]!.id, waiting[2]!.id]);
    expect(await api.refuse('sessions.completeBooking', { bookingId: waiting[0]!.id })).toMatchObject({ code: 'client_blacklisted', field: 'bookingId' });
    expect(await api.call('sessions.completeBooking', { bookingId: waiting[1]!.id })).toMatchObject({ status: 'booked' });
  });

  it('with two places freed, the others keep their notices until none is left', async () => {
    const { booked, waiting } = await fullWithWaitlist();
    await api.call('sessions.cancelBooking', { bookingId: booked[0]!.id });
    await api.call('sessions.cancelBooking', { bookingId: booked[1]!.id });
    expect(await api.call('notifications.list', {})).toHaveLength(3);
    await api.call('sessions.completeBooking', { bookingId: waiting[1]!.id });
    expect((await api.call('notifications.list', {})).map((n) => n.bookingId).sort()).toEqual([waiting[0]!.id, waiting[2]!.id].sort());
    await api.call('sessions.completeBooking', { bookingId: waiting[0]!.id });
    expect(await api.call('notifications.list', {})).toEqual([]);
  });

  it('leaving the waitlist renumbers it gap-free and notifies nobody', async () => {
    const { occurrenceId, waiting } = await fullWithWaitlist();
    const { notified } = await api.call('sessions.cancelBooking', { bookingId: waiting[0]!.id });
    expect(notified).toEqual([]);
    expect(waitlistPositions(occurrenceId)).toEqual([
      { client_id: c(3), waitlist_position: 1 },
      { client_id: c(4), waitlist_position: 2 },
    ]);
    expect((await api.call('sessions.book', { occurrenceId, clientId: c(5) })).waitlistPosition).toBe(3);
  });

  it('cancelling an over-places booking frees no place: nobody is notified', async () => {
    const { occurrenceId, waiting } = await fullWithWaitlist();
    const over = await api.call('sessions.book', { occurrenceId, clientId: c(5), overPlaces: true });
    expect((await api.call('sessions.cancelBooking', { bookingId: over.id })).notified).toEqual([]);
    expect(await api.refuse('sessions.completeBooking', { bookingId: waiting[0]!.id })).toMatchObject({ code: 'no_free_place' });
  });

  it('a notice can be dismissed; a waitlisted client who leaves has their notice resolved', async () => {
    const { booked, waiting } = await fullWithWaitlist();
    await api.call('sessions.cancelBooking', { bookingId: booked[0]!.id });
    const list = await api.call('notifications.list', {});
    const first = list.find((n) => n.bookingId === waiting[0]!.id)!;
    expect(await api.call('notifications.dismiss', { id: first.id })).toEqual({ id: first.id });
    await api.call('sessions.cancelBooking', { bookingId: waiting[1]!.id });
    expect((await api.call('notifications.list', {})).map((n) => n.bookingId)).toEqual([waiting[2]!.id]);
    expect(await api.refuse('notifications.dismiss', { id: unknownId })).toMatchObject({ code: 'not_found' });
  });
});

describe('sessions.setAttendance', () => {
  it('refuses check-in before the day of the session, allows undo to booked', async () => {
    const { occurrenceId } = await session(2);
    const b = await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('sessions.setAttendance', { bookingId: b.id, status: 'attended' })).toMatchObject({ code: 'invalid_status_change', field: 'status' });
    expect(await api.refuse('sessions.setAttendance', { bookingId: b.id, status: 'no_show' })).toMatchObject({ code: 'invalid_status_change' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect((await api.call('sessions.setAttendance', { bookingId: b.id, status: 'booked' })).status).toBe('booked');
  });

  it('checks in on the day of the session and after it', async () => {
    // This test is about the day rule; check-in's window before the start is tested in restrictions.test.ts.
    await api.call('settings.update', { checkInMinutesBefore: 1440 });
    // Today, as late as possible so that it has not started yet (booked through the API when it can).
    const today = dayFromToday(0);
    const { series } = await createSeries(api, world.ana, { startDate: today, startTime: '23:59', durationMin: 1 });
    const todayOcc = occurrencesOf(api, series.id)[0]!;
    const booked = await api.host.invoke('sessions.book', { occurrenceId: todayOcc.id, clientId: c(0) });
    const todayBooking = booked.ok ? booked.value.id : insertPastBooking(todayOcc.id, c(0), 'booked');
    expect((await api.call('sessions.setAttendance', { bookingId: todayBooking, status: 'attended' })).status).toBe('attended');
    const checkedIn = api.host.database.sqlite.prepare('SELECT checked_in_at FROM bookings WHERE id = ?').pluck().get(todayBooking);
    expect(checkedIn).toEqual(expect.any(String));
    expect((await api.call('sessions.setAttendance', { bookingId: todayBooking, status: 'booked' })).status).toBe('booked');
    expect(api.host.database.sqlite.prepare('SELECT checked_in_at FROM bookings WHERE id = ?').pluck().get(todayBooking)).toBeNull();

    const past = await createSeries(api, world.ana, { startDate: dayFromToday(-2) });
    const pastOcc = occurrencesOf(api, past.series.id)[0]!.id;
    const pastBooking = insertPastBooking(pastOcc, c(1), 'booked');
    expect((await api.call('sessions.setAttendance', { bookingId: pastBooking, status: 'no_show' })).status).toBe('no_show');
    expect((await api.call('sessions.setAttendance', { bookingId: pastBooking, status: 'attended' })).status).toBe('attended');
  });

  it('refuses attendance on a waitlisted or cancelled booking', async () => {
    const { occurrenceId } = await session(1);
    const b = await api.call('sessions.book', { occurrenceId, clientId: c(0) });
    const w = await api.call('sessions.book', { occurrenceId, clientId: c(1) });
    expect(await api.refuse('sessions.setAttendance', { bookingId: w.id, status: 'booked' })).toMatchObject({ code: 'invalid_status_change' });
    await api.call('sessions.cancelBooking', { bookingId: b.id });
    expect(await api.refuse('sessions.setAttendance', { bookingId: b.id, status: 'booked' })).toMatchObject({ code: 'invalid_status_change' });
    expect(await api.refuse('sessions.setAttendance', { bookingId: unknownId, status: 'booked' })).toMatchObject({ code: 'not_found' });
  });
});

describe('tag visibility: sessions.visibleTo and client bookings', () => {
  it('ALL needs every tag, ANY one of them; booking-mode sessions show to all; open ones are not listed', async () => {
    const pilates = await api.call('tags.create', { name: 'Pilates' });
    const morning = await api.call('tags.create', { name: 'Mañana' });
    const monday = nextWeekday(dayFromToday(7), 1);
    const all = await session(5, { title: 'ALL', startDate: monday, attendanceMode: 'tags', tagMatch: 'all', tagIds: [pilates.id, morning.id] });
    const any = await session(5, { title: 'ANY', startDate: monday, attendanceMode: 'tags', tagMatch: 'any', tagIds: [pilates.id, morning.id] });
    const untagged = await session(5, { title: 'NO TAGS', startDate: monday, attendanceMode: 'tags', tagIds: [] });
    const everyone = await session(5, { title: 'BOOKING', startDate: monday, attendanceMode: 'booking' });
    await session(null, { title: 'OPEN', startDate: monday, attendanceMode: 'open' });
    await createSeries(api, world.ana, { kind: 'meeting', title: 'MEETING', startDate: monday });
    const gone = await session(5, { title: 'CANCELLED', startDate: monday });
    await api.call('series.cancel', { occurrenceId: gone.occurrenceId, scope: 'occurrence' });
    await session(5, { title: 'PAST', startDate: dayFromToday(-1) });

    await api.call('clients.addTag', { clientId: c(0), tagId: pilates.id });
    await api.call('clients.addTag', { clientId: c(0), tagId: morning.id });
    await api.call('clients.addTag', { clientId: c(1), tagId: morning.id });

    const visible = async (clientId: string) =>
      (await api.call('sessions.visibleTo', { clientId, from: dayFromToday(-7), to: dayFromToday(30) })).map((o) => o.title).sort();
    expect(await visible(c(0))).toEqual(['ALL', 'ANY', 'BOOKING']);
    expect(await visible(c(1))).toEqual(['ANY', 'BOOKING']);
    expect(await visible(c(2))).toEqual(['BOOKING']);

    // A client booking themselves sees the same rules; the desk may add anyone.
    expect(await api.refuse('sessions.book', { occurrenceId: all.occurrenceId, clientId: c(1), source: 'client' })).toMatchObject({ code: 'not_visible_to_client' });
    expect(await api.refuse('sessions.book', { occurrenceId: untagged.occurrenceId, clientId: c(0), source: 'client' })).toMatchObject({ code: 'not_visible_to_client' });
    expect((await api.call('sessions.book', { occurrenceId: all.occurrenceId, clientId: c(0), source: 'client' })).status).toBe('booked');
    expect((await api.call('sessions.book', { occurrenceId: any.occurrenceId, clientId: c(1), source: 'client' })).status).toBe('booked');
    expect(await api.refuse('sessions.book', { occurrenceId: all.occurrenceId, clientId: c(2) })).toMatchObject({ code: 'tags_not_matched', field: 'overrideReason' });
    expect((await api.call('sessions.book', { occurrenceId: all.occurrenceId, clientId: c(2), overrideReason: 'Clase de prueba' })).status).toBe('booked');
    expect((await api.call('sessions.book', { occurrenceId: everyone.occurrenceId, clientId: c(2), source: 'client' })).status).toBe('booked');

    // A blacklisted client sees nothing.
    await api.call('clients.setBlacklist', { id: c(0), blacklisted: true, reason: 'x' });
    expect(await visible(c(0))).toEqual([]);
    expect(await api.refuse('sessions.visibleTo', { clientId: unknownId, from: monday, to: monday })).toMatchObject({ code: 'not_found' });
    expect(await api.refuse('sessions.visibleTo', { clientId: c(1), from: monday, to: addDays(monday, -1) })).toMatchObject({ code: 'end_before_start' });
    expect(await api.refuse('sessions.visibleTo', { clientId: c(1), from: monday, to: addDays(monday, 200) })).toMatchObject({ code: 'range_too_long' });
  });
});
