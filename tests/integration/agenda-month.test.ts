import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entriesCountCap } from '../../src-main/api/agenda-month';
import { appointmentCountsQuery, appointmentPagesQuery, occurrenceCountsQuery, occurrencePagesQuery } from '../../src-main/db/queries/agenda-month';
import { monthViewInput, monthViewPerDay } from '../../src-shared/agenda/month-view';
import type { CallInput } from '../../src-shared/api/contract';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';

let api: TempApi;
let world: AppointmentWorld;

/** Monday 1 March 2027, 09:00 in Madrid (only Date is faked). */
const NOW = '2027-03-01T08:00:00.000Z';
const MONDAY = '2027-03-08';
const TUESDAY = '2027-03-09';
const SUNDAY = '2027-03-14';

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await appointmentWorld(api, 6);
  await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '14:00']) });
  await createSchedule(api, world.bea, [world.corte], { ranges: everyDay(['09:00', '14:00']) });
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const book = (client: number, staffId: string, date: string, time: string, override = false) =>
  api.call('appointments.book', { clientId: world.clients[client % world.clients.length]!, staffId, serviceId: world.corte, startsAt: madrid(date, time), ...(override ? { override } : {}) });

/** A series of `kind` by `organizerId` at `time`: weekly on Mondays for two weeks, or one-off. */
const series = async (title: string, organizerId: string, date: string, time: string, options: { kind?: 'session' | 'meeting' | 'private'; weekly?: boolean } = {}) =>
  (
    await api.call('series.create', {
      title,
      organizerId,
      startDate: date,
      startTime: time,
      durationMin: 30,
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.kind === undefined || options.kind === 'session' ? { places: 5 } : {}),
      ...(options.weekly ? { recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks' as const, weeks: 2 } } } : {}),
    })
  ).series.id;

/** The entries agenda.range shows for a range, as "HH:MM who" in time order (appointments and occurrences). */
async function shown(input: CallInput<'agenda.range'>) {
  const r = await api.call('agenda.range', input);
  const entries = [
    ...r.appointments.map((a) => ({ at: a.startsAt, date: a.localDate, label: `${a.localStart} ${a.staffName.split(' ')[0]}` })),
    ...r.occurrences.map((o) => ({ at: o.startsAt, date: o.localDate, label: `${o.localStart} ${o.title}` })),
  ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return { entries: entries.map((e) => `${e.date} ${e.label}`), more: r.moreEntries, result: r };
}

/** Monday: six appointments from 09:00 (Ana and Bea), a recurring Yoga session at 08:00 and a one-off meeting at 12:00; Tuesday: one. */
async function busyMonday() {
  await book(0, world.ana, MONDAY, '09:00');
  await book(1, world.bea, MONDAY, '09:15', true);
  await book(2, world.ana, MONDAY, '09:30');
  await book(3, world.ana, MONDAY, '10:00');
  await book(4, world.bea, MONDAY, '11:00');
  const cancelled = await book(5, world.ana, MONDAY, '08:30', true);
  await api.call('appointments.cancel', { appointmentId: cancelled.id });
  await book(5, world.ana, MONDAY, '13:00');
  await series('Yoga', world.bea, MONDAY, '08:00', { weekly: true });
  await series('Reunión', world.ana, MONDAY, '12:00', { kind: 'meeting' });
  await book(0, world.bea, TUESDAY, '10:00');
}

describe('agenda.range month mode (perDay)', () => {
  it('lists the first entries of each day in time order and counts the rest, the week view still everything', async () => {
    await busyMonday();
    const week = { from: MONDAY, to: SUNDAY };
    const all = await shown(week);
    expect(all.entries).toHaveLength(9);
    expect(all.more).toEqual([]);

    const month = await shown({ ...week, perDay: 3 });
    expect(month.entries).toEqual([`${MONDAY} 08:00 Yoga`, `${MONDAY} 09:00 Ana`, `${MONDAY} 09:15 Bea`, `${TUESDAY} 10:00 Bea`]);
    // Monday holds 6 appointments (the cancelled one does not count) and 2 occurrences: 5 more.
    expect(month.more).toEqual([{ kind: 'entries_more', date: MONDAY, more: 5, atLeast: false }]);
    // The month view's own input is that mode.
    expect(monthViewInput(week)).toEqual({ ...week, perDay: monthViewPerDay });
  });

  it('applies the staff, kind and recurrence filters to the entries and to the counts', async () => {
    await busyMonday();
    const week = { from: MONDAY, to: SUNDAY, perDay: 2 };
    const ana = await shown({ ...week, staffIds: [world.ana] });
    expect(ana.entries).toEqual([`${MONDAY} 09:00 Ana`, `${MONDAY} 09:30 Ana`]);
    // Ana: 4 appointments and the meeting.
    expect(ana.more).toEqual([{ kind: 'entries_more', date: MONDAY, more: 3, atLeast: false }]);
    expect(await shown({ ...week, staffIds: [] })).toMatchObject({ entries: [], more: [] });
    // The same shape of call with other values (its SQL is compiled once per shape): Bea's.
    const bea = await shown({ ...week, staffIds: [world.bea] });
    expect(bea.entries).toEqual([`${MONDAY} 08:00 Yoga`, `${MONDAY} 09:15 Bea`, `${TUESDAY} 10:00 Bea`]);
    expect(bea.more).toEqual([{ kind: 'entries_more', date: MONDAY, more: 1, atLeast: false }]);

    const appointmentsOnly = await shown({ ...week, kinds: ['appointment'] });
    expect(appointmentsOnly.entries).toEqual([`${MONDAY} 09:00 Ana`, `${MONDAY} 09:15 Bea`, `${TUESDAY} 10:00 Bea`]);
    expect(appointmentsOnly.more).toEqual([{ kind: 'entries_more', date: MONDAY, more: 4, atLeast: false }]);

    const meetings = await shown({ ...week, kinds: ['meeting'] });
    expect(meetings.entries).toEqual([`${MONDAY} 12:00 Reunión`]);
    expect(meetings.more).toEqual([]);

    // Appointments are one-offs: recurring leaves them and the meeting out.
    const recurring = await shown({ ...week, recurrence: 'recurring' });
    expect(recurring.entries).toEqual([`${MONDAY} 08:00 Yoga`]);
    expect(recurring.more).toEqual([]);
    const oneOff = await shown({ ...week, recurrence: 'one_off' });
    expect(oneOff.entries).toEqual([`${MONDAY} 09:00 Ana`, `${MONDAY} 09:15 Bea`, `${TUESDAY} 10:00 Bea`]);
    // 6 appointments and the meeting, 2 shown.
    expect(oneOff.more).toEqual([{ kind: 'entries_more', date: MONDAY, more: 5, atLeast: false }]);
  });

  it('counts each entry on its local day across the spring change (23 hours) and at midnight', async () => {
    // Sunday 28 March 2027: Madrid goes from 02:00 to 03:00. A meeting at 00:30 local is still 27 March in UTC.
    const spring = '2027-03-28';
    await series('Inventario', world.ana, spring, '00:30', { kind: 'meeting' });
    await book(0, world.ana, spring, '09:00');
    await book(1, world.ana, spring, '09:30');
    await book(2, world.bea, spring, '10:00');
    // Saturday 23:45 running past midnight: it belongs to Saturday.
    await book(3, world.bea, '2027-03-27', '23:45', true);
    const weekend = await shown({ from: '2027-03-27', to: spring, perDay: 2 });
    expect(weekend.entries).toEqual(['2027-03-27 23:45 Bea', `${spring} 00:30 Inventario`, `${spring} 09:00 Ana`]);
    expect(weekend.more).toEqual([{ kind: 'entries_more', date: spring, more: 2, atLeast: false }]);
    // The Sunday alone: the same page and count.
    expect((await shown({ from: spring, to: spring, perDay: 2 })).more).toEqual(weekend.more);
  });

  it('lists one birthday by name a day, the rest counted, so the day keeps room for its entries', async () => {
    for (const name of ['Alba', 'Berta', 'Celia']) await api.call('clients.create', { firstName: name, lastName: 'Cumple', birthDate: '1990-03-08' });
    const month = await api.call('agenda.range', { from: MONDAY, to: SUNDAY, perDay: 3 });
    expect(month.birthdays.map((b) => [b.date, b.clientName])).toEqual([[MONDAY, 'Alba Cumple']]);
    expect(month.moreBirthdays).toEqual([{ kind: 'birthday_more', date: MONDAY, more: 2, atLeast: false }]);
    expect((await api.call('agenda.range', { from: MONDAY, to: SUNDAY })).birthdays).toHaveLength(3);
  });

  it(`stops counting a day at the cap (${entriesCountCap})`, async () => {
    // Three professionals through the day, 30 minutes each, overriding the hours: more than the cap.
    const staff = [world.ana, world.bea, world.carla];
    for (let i = 0; i < entriesCountCap + 2; i++) {
      const minutes = Math.floor(i / staff.length) * 30;
      await book(i, staff[i % staff.length]!, MONDAY, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, true);
    }
    const month = await shown({ from: MONDAY, to: MONDAY, perDay: 3 });
    expect(month.entries).toHaveLength(3);
    expect(month.more).toEqual([{ kind: 'entries_more', date: MONDAY, more: entriesCountCap - 3, atLeast: true }]);
  }, 60_000);

  it('refuses a perDay out of 1..20', async () => {
    for (const perDay of [0, 21, 2.5]) {
      expect(await api.refuse('agenda.range', { from: MONDAY, to: SUNDAY, perDay })).toMatchObject({ code: perDay === 2.5 ? 'invalid_type' : 'out_of_range', field: 'perDay' });
    }
  });

  it('reads one range of the day index per day, in its order, for the pages and the counts', () => {
    const { db, sqlite } = api.host.database;
    const days = ['2027-03-08', '2027-03-09'];
    const planOf = (query: { sql: string; parameters: readonly unknown[] }) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[]).map((r) => r.detail);
    const cases = [
      { table: 'appointments', index: 'appointments_day_start', queries: [appointmentPagesQuery(db, days, 3, {}), appointmentCountsQuery(db, days, 100, {})] },
      {
        table: 'appointments',
        index: 'appointments_day_start',
        queries: [appointmentPagesQuery(db, days, 3, { staffIds: [world.ana] }), appointmentCountsQuery(db, days, 100, { staffIds: [world.ana] })],
      },
      { table: 'occurrences', index: 'occurrences_day_start', queries: [occurrencePagesQuery(db, days, 3, {}), occurrenceCountsQuery(db, days, 100, {})] },
      {
        table: 'occurrences',
        index: 'occurrences_day_start',
        queries: [occurrencePagesQuery(db, days, 3, { kinds: ['session'], recurring: true }), occurrenceCountsQuery(db, days, 100, { kinds: ['session'], recurring: true })],
      },
    ];
    for (const { table, index, queries } of cases) {
      for (const query of queries) {
        const plan = planOf(query.compile());
        // One index range per day asked for; a series only by its key; nothing scanned or sorted.
        expect(plan.filter((d) => new RegExp(`^SEARCH (${table}|a|o) USING (COVERING )?INDEX ${index} \\(local_date=\\?\\)$`).test(d))).toHaveLength(days.length);
        expect(plan.filter((d) => d.includes('TEMP B-TREE') || (d.startsWith('SCAN') && !/^SCAN [pc]\d+$/.test(d)))).toEqual([]);
        expect(plan.filter((d) => /^SEARCH s /.test(d)).every((d) => /PRIMARY KEY|sqlite_autoindex_series_1 \(id=\?\)/.test(d))).toBe(true);
      }
    }
  });
});
