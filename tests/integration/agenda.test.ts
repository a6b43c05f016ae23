import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { AgendaWorld } from '../helpers/agenda-fixtures';
import { addDays, agendaWorld, createSeries, dayFromToday, nextWeekday, occurrencesOf, unknownId } from '../helpers/agenda-fixtures';

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

describe('agenda.range', () => {
  const from = '2031-03-03'; // a Monday
  async function setUp() {
    const classes = await createSeries(api, world.ana, {
      title: 'Pilates',
      startDate: from,
      recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } },
    });
    const yoga = await createSeries(api, world.bea, { title: 'Yoga', startDate: addDays(from, 1), startTime: '18:00' });
    const meeting = await createSeries(api, world.bea, { kind: 'meeting', title: 'Reunión', startDate: addDays(from, 2), startTime: '13:00' });
    const reminder = await createSeries(api, world.ana, { kind: 'reminder', title: 'Pedir toallas', startDate: addDays(from, 3), recurrence: { weekdays: [4], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } } });
    const privateEvent = await createSeries(api, world.ana, { kind: 'private', title: 'Médico', startDate: addDays(from, 4) });
    await api.call('clients.update', { id: c(0), birthDate: '1990-03-05' });
    await api.call('clients.update', { id: c(1), birthDate: '1985-04-01' });
    return { classes, yoga, meeting, reminder, privateEvent };
  }
  const titles = (r: { occurrences: { title: string; localDate: string }[] }) => r.occurrences.map((o) => `${o.localDate} ${o.title}`);

  it('returns every entry of the range in order, with birthdays', async () => {
    await setUp();
    const all = await api.call('agenda.range', { from, to: addDays(from, 6) });
    expect(titles(all)).toEqual([
      '2031-03-03 Pilates',
      '2031-03-04 Yoga',
      '2031-03-05 Pilates',
      '2031-03-05 Reunión',
      '2031-03-06 Pedir toallas',
      '2031-03-07 Médico',
    ]);
    expect(all.birthdays).toEqual([{ kind: 'birthday', clientId: c(0), clientName: 'Cliente 01', date: '2031-03-05', turns: 41 }]);
    const yoga = all.occurrences.find((o) => o.title === 'Yoga')!;
    expect(yoga).toMatchObject({ kind: 'session', organizerId: world.bea, organizerName: 'Bea Profe', localStart: '18:00', recurring: false, status: 'scheduled', places: 2 });
  });

  it('filters by staff, kind and recurrence', async () => {
    await setUp();
    const to = addDays(from, 13);
    expect(titles(await api.call('agenda.range', { from, to, staffIds: [world.bea] }))).toEqual(['2031-03-04 Yoga', '2031-03-05 Reunión']);
    expect((await api.call('agenda.range', { from, to, staffIds: [] })).occurrences).toEqual([]);
    expect(titles(await api.call('agenda.range', { from, to, kinds: ['meeting', 'private'] }))).toEqual(['2031-03-05 Reunión', '2031-03-07 Médico']);
    const onlyBirthdays = await api.call('agenda.range', { from, to, kinds: ['birthday'] });
    expect(onlyBirthdays.occurrences).toEqual([]);
    expect(onlyBirthdays.birthdays.map((b) => b.clientId)).toEqual([c(0)]);
    expect((await api.call('agenda.range', { from, to, kinds: ['session'] })).birthdays).toEqual([]);

    const recurring = await api.call('agenda.range', { from, to, recurrence: 'recurring' });
    expect(new Set(recurring.occurrences.map((o) => o.title))).toEqual(new Set(['Pilates', 'Pedir toallas']));
    expect(recurring.occurrences.every((o) => o.recurring)).toBe(true);
    expect(recurring.birthdays).toHaveLength(1);
    const oneOff = await api.call('agenda.range', { from, to, recurrence: 'one_off' });
    expect(titles(oneOff)).toEqual(['2031-03-04 Yoga', '2031-03-05 Reunión', '2031-03-07 Médico']);
    expect(oneOff.birthdays).toEqual([]);

    const combined = await api.call('agenda.range', { from, to, staffIds: [world.ana], kinds: ['session', 'reminder'], recurrence: 'recurring' });
    expect(combined.occurrences).toHaveLength(6);
  });

  it('leaves out cancelled occurrences and counts bookings', async () => {
    const { classes } = await setUp();
    const rows = occurrencesOf(api, classes.series.id);
    await api.call('series.cancel', { occurrenceId: rows[1]!.id, scope: 'occurrence' });
    for (let i = 0; i < 3; i++) await api.call('sessions.book', { occurrenceId: rows[0]!.id, clientId: c(i) });
    const { occurrences } = await api.call('agenda.range', { from, to: addDays(from, 13), kinds: ['session'], staffIds: [world.ana] });
    expect(occurrences.map((o) => o.id)).toEqual([rows[0]!.id, rows[2]!.id, rows[3]!.id]);
    expect(occurrences[0]).toMatchObject({ bookedCount: 2, waitlistCount: 1 });
  });

  it('shows 29 February birthdays on the 28th in common years', async () => {
    await api.call('clients.update', { id: c(2), birthDate: '2000-02-29' });
    expect((await api.call('agenda.range', { from: '2031-02-20', to: '2031-03-05' })).birthdays.map((b) => [b.date, b.turns])).toEqual([['2031-02-28', 31]]);
    expect((await api.call('agenda.range', { from: '2032-02-20', to: '2032-03-05' })).birthdays.map((b) => b.date)).toEqual(['2032-02-29']);
  });

  it('refuses a range over 100 days or backwards', async () => {
    expect(await api.refuse('agenda.range', { from, to: addDays(from, 100) })).toMatchObject({ code: 'range_too_long', field: 'to' });
    await api.call('agenda.range', { from, to: addDays(from, 99) });
    expect(await api.refuse('agenda.range', { from, to: addDays(from, -1) })).toMatchObject({ code: 'end_before_start', field: 'to' });
    expect(await api.refuse('agenda.range', { from: '2031-13-01', to: from })).toMatchObject({ code: 'invalid_date', field: 'from' });
    expect(await api.refuse('agenda.range', { from, to: from, kinds: ['party'] })).toMatchObject({ code: 'invalid_choice' });
  });
});

/**
 * Bookings into occurrences that already started are refused by design: the past bookings the
 * attendance figure needs are arranged with SQL straight into the file.
 */
function insertPastBooking(api: TempApi, occurrenceId: string, clientId: string, status: string) {
  const at = new Date().toISOString();
  const id = `01PAST${clientId.slice(-10)}${occurrenceId.slice(-10)}`;
  api.host.database.sqlite
    .prepare(
      `INSERT INTO bookings (id, occurrence_id, client_id, status, waitlist_position, over_places, source, booked_by, cancelled_at, checked_in_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, 0, 'desk', NULL, ?, NULL, ?, ?)`,
    )
    .run(id, occurrenceId, clientId, status, status === 'cancelled' ? at : null, at, at);
}

describe('agenda.figures', () => {
  it('counts sessions, free places, waitlists, attendance, confirmed and cancelled bookings', async () => {
    const past = await createSeries(api, world.ana, { title: 'Pasada', startDate: dayFromToday(-3), places: 3 });
    const pastOcc = occurrencesOf(api, past.series.id)[0]!.id;
    insertPastBooking(api, pastOcc, c(0), 'attended');
    insertPastBooking(api, pastOcc, c(1), 'attended');
    insertPastBooking(api, pastOcc, c(2), 'no_show');
    insertPastBooking(api, pastOcc, c(3), 'cancelled');

    const full = await createSeries(api, world.ana, { title: 'Llena', startDate: dayFromToday(5), places: 2 });
    const fullOcc = occurrencesOf(api, full.series.id)[0]!.id;
    await api.call('sessions.book', { occurrenceId: fullOcc, clientId: c(0) });
    await api.call('sessions.book', { occurrenceId: fullOcc, clientId: c(1) });
    await api.call('sessions.book', { occurrenceId: fullOcc, clientId: c(2) });
    const leaving = await api.call('sessions.book', { occurrenceId: fullOcc, clientId: c(3) });
    await api.call('sessions.cancelBooking', { bookingId: leaving.id });

    const free = await createSeries(api, world.ana, { title: 'Libre', startDate: dayFromToday(6), places: 5 });
    await api.call('sessions.book', { occurrenceId: occurrencesOf(api, free.series.id)[0]!.id, clientId: c(4) });
    await createSeries(api, world.ana, { title: 'Sin límite', startDate: dayFromToday(7), places: null });

    // Not counted: meetings, cancelled occurrences, sessions outside the range.
    await createSeries(api, world.ana, { kind: 'meeting', title: 'Reunión', startDate: dayFromToday(5) });
    const gone = await createSeries(api, world.ana, { title: 'Cancelada', startDate: dayFromToday(5) });
    await api.call('series.cancel', { occurrenceId: occurrencesOf(api, gone.series.id)[0]!.id, scope: 'occurrence' });
    await createSeries(api, world.ana, { title: 'Lejos', startDate: dayFromToday(60) });

    const range = { from: dayFromToday(-10), to: dayFromToday(20) };
    expect(await api.call('agenda.figures', range)).toEqual({
      totalSessions: 4,
      sessionsWithFreePlaces: 2,
      clientsOnWaitlists: 1,
      attendancePercent: 66.7,
      confirmedBookings: 6,
      cancelledBookings: 2,
      passesRedeemed: 0,
      appointments: 0,
      cancelledAppointments: 0,
    });
    expect(await api.call('agenda.figures', { ...range, staffIds: [world.bea] })).toEqual({
      totalSessions: 0,
      sessionsWithFreePlaces: 0,
      clientsOnWaitlists: 0,
      attendancePercent: null,
      confirmedBookings: 0,
      cancelledBookings: 0,
      passesRedeemed: 0,
      appointments: 0,
      cancelledAppointments: 0,
    });
    expect((await api.call('agenda.figures', { ...range, staffIds: [world.ana] })).totalSessions).toBe(4);
    expect((await api.call('agenda.figures', { ...range, staffIds: [] })).totalSessions).toBe(0);
    // Only future sessions: no attendance yet.
    expect((await api.call('agenda.figures', { from: dayFromToday(1), to: dayFromToday(20) })).attendancePercent).toBeNull();
  });

  it('spans years for the dashboard, but not more than three', async () => {
    await api.call('agenda.figures', { from: '2030-01-01', to: '2032-12-31' });
    expect(await api.refuse('agenda.figures', { from: '2030-01-01', to: '2033-06-01' })).toMatchObject({ code: 'range_too_long', field: 'to' });
    expect(await api.refuse('agenda.figures', { from: '2030-01-02', to: '2030-01-01' })).toMatchObject({ code: 'end_before_start' });
  });
});

describe('agenda.dailyList', () => {
  it('lists who comes, in time order, with phone, status and notes; filters by professional', async () => {
    const day = nextWeekday(dayFromToday(7), 2);
    await api.call('clients.update', { id: c(1), notes: 'Alergia al látex' });
    await api.call('clients.update', { id: c(2), notes: '   ' });
    const evening = await createSeries(api, world.bea, { title: 'Yoga', startDate: day, startTime: '18:00', places: 1 });
    const morning = await createSeries(api, world.ana, { title: 'Pilates', startDate: day, startTime: '09:00', places: 5 });
    const eveningOcc = occurrencesOf(api, evening.series.id)[0]!.id;
    const morningOcc = occurrencesOf(api, morning.series.id)[0]!.id;
    await api.call('sessions.book', { occurrenceId: eveningOcc, clientId: c(3) });
    await api.call('sessions.book', { occurrenceId: eveningOcc, clientId: c(0) });
    await api.call('sessions.book', { occurrenceId: morningOcc, clientId: c(2) });
    await api.call('sessions.book', { occurrenceId: morningOcc, clientId: c(1) });
    const cancelled = await api.call('sessions.book', { occurrenceId: morningOcc, clientId: c(4) });
    await api.call('sessions.cancelBooking', { bookingId: cancelled.id });
    // Another day and a meeting do not show.
    await createSeries(api, world.ana, { title: 'Otro día', startDate: addDays(day, 1) });
    await createSeries(api, world.ana, { kind: 'meeting', title: 'Reunión', startDate: day });

    const list = await api.call('agenda.dailyList', { date: day });
    expect(list.date).toBe(day);
    expect(list.rows.map((r) => [r.time, r.what, r.professional, r.clientName, r.status, r.notes])).toEqual([
      ['09:00', 'Pilates', 'Ana Profe', 'Cliente 02', 'booked', 'Alergia al látex'],
      ['09:00', 'Pilates', 'Ana Profe', 'Cliente 03', 'booked', null],
      ['18:00', 'Yoga', 'Bea Profe', 'Cliente 04', 'booked', null],
      ['18:00', 'Yoga', 'Bea Profe', 'Cliente 01', 'waitlisted', null],
    ]);
    expect(list.rows[0]).toMatchObject({ phone: '+34612345002', clientId: c(1), occurrenceId: morningOcc });
    expect((await api.call('agenda.dailyList', { date: day, staffId: world.bea })).rows.map((r) => r.clientName)).toEqual(['Cliente 04', 'Cliente 01']);
    expect((await api.call('agenda.dailyList', { date: addDays(day, 2) })).rows).toEqual([]);
    expect((await api.call('agenda.dailyList', { date: day, staffId: unknownId })).rows).toEqual([]);
  });
});
