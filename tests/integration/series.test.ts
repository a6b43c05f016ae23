import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';
import type { AgendaWorld } from '../helpers/agenda-fixtures';
import {
  addDays,
  agendaWorld,
  countRows,
  createSeries,
  dayFromToday,
  localTimeOf,
  nextWeekday,
  occurrencesOf,
  tinyGifDataUrl,
  tinyPng,
  tinyPngDataUrl,
  unknownId,
  weekdayOf,
} from '../helpers/agenda-fixtures';
import { rowCounts } from './db-inspect';
import { fixClock } from '../helpers/fixed-clock';

let api: TempApi;
let world: AgendaWorld;
beforeEach(async () => {
  api = await openTempApi();
  world = await agendaWorld(api, 4);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

/** A Monday at least two weeks ahead: every occurrence of the tests' series lies in the future. */
const monday = () => nextWeekday(dayFromToday(14), 1);

describe('series.create', () => {
  it('creates a session with every field of the seed', async () => {
    const tag1 = await api.call('tags.create', { name: 'Pilates' });
    const tag2 = await api.call('tags.create', { name: 'Mañana' });
    const type = await api.call('sessionTypes.create', { name: 'Pilates', defaultDurationMin: 55, defaultPlaces: 10 });
    const start = monday();
    const { series, occurrenceCount } = await api.call('series.create', {
      title: 'Pilates mañana',
      mode: 'online',
      onlineLink: 'https://meet.example.com/pilates',
      organizerId: world.ana,
      sessionTypeId: type.id,
      description: 'Traer esterilla',
      startDate: start,
      startTime: '09:30',
      durationMin: 55,
      recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } },
      places: 10,
      attendanceMode: 'tags',
      tagMatch: 'all',
      tagIds: [tag1.id, tag2.id],
      redeemableWithPasses: true,
    });
    expect(occurrenceCount).toBe(8);
    expect(series).toMatchObject({
      kind: 'session',
      title: 'Pilates mañana',
      mode: 'online',
      onlineLink: 'https://meet.example.com/pilates',
      organizerId: world.ana,
      sessionTypeId: type.id,
      description: 'Traer esterilla',
      hasCoverImage: false,
      startDate: start,
      startTime: '09:30',
      durationMin: 55,
      timeZone: 'Europe/Madrid',
      recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } },
      places: 10,
      attendanceMode: 'tags',
      tagMatch: 'all',
      redeemableWithPasses: true,
      cancelled: false,
    });
    expect([...series.tagIds].sort()).toEqual([tag1.id, tag2.id].sort());
    expect(series.rrule).toMatch(/^DTSTART:\d{8}T093000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=/);
    expect(await api.call('series.get', { id: series.id })).toEqual(series);

    const rows = occurrencesOf(api, series.id);
    expect(rows.map((r) => r.local_date)).toEqual([0, 2, 7, 9, 14, 16, 21, 23].map((n) => addDays(start, n)));
    for (const r of rows) {
      expect(r.local_start).toBe('09:30');
      expect(localTimeOf(r.starts_at)).toBe('09:30');
    }
    const detail = await api.call('sessions.get', { occurrenceId: rows[0]!.id });
    expect(detail.occurrence).toMatchObject({ places: 10, bookedCount: 0, recurring: true, attendanceMode: 'tags', redeemableWithPasses: true, mode: 'online' });
    expect(Date.parse(detail.occurrence.endsAt) - Date.parse(detail.occurrence.startsAt)).toBe(55 * 60_000);
  });

  it('makes meetings, private events and reminders staff-only: no places, no booking, no tags', async () => {
    const tag = await api.call('tags.create', { name: 'VIP' });
    for (const kind of ['meeting', 'private', 'reminder'] as const) {
      const { series, occurrenceCount } = await createSeries(api, world.bea, {
        kind,
        title: kind,
        places: 5,
        attendanceMode: 'booking',
        tagIds: [tag.id],
        redeemableWithPasses: true,
        recurrence: { weekdays: [2], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } },
        startDate: monday(),
      });
      expect(occurrenceCount).toBe(3);
      expect(series).toMatchObject({ kind, places: null, attendanceMode: 'open', tagIds: [], redeemableWithPasses: false });
      const occurrenceId = occurrencesOf(api, series.id)[0]!.id;
      expect(await api.refuse('sessions.book', { occurrenceId, clientId: world.clients[0]! })).toMatchObject({ code: 'not_bookable' });
    }
  });

  it('a one-off has one occurrence and no rule', async () => {
    const { series, occurrenceCount } = await createSeries(api, world.ana, { startDate: monday(), recurrence: null });
    expect(occurrenceCount).toBe(1);
    expect(series).toMatchObject({ recurrence: null, rrule: null });
    const [row] = occurrencesOf(api, series.id);
    const { occurrences } = await api.call('agenda.range', { from: monday(), to: monday() });
    expect(occurrences.map((o) => [o.id, o.recurring])).toEqual([[row!.id, false]]);
  });

  it('weekly Mon/Wed, every 2 weeks, until a date', async () => {
    const start = monday();
    const until = addDays(start, 30);
    const every2 = await createSeries(api, world.ana, {
      startDate: start,
      recurrence: { weekdays: [3, 1], intervalWeeks: 2, end: { kind: 'until', date: until } },
    });
    // Weeks 0, 2 and 4 (the last one's Monday is day 28, Wednesday day 30).
    expect(occurrencesOf(api, every2.series.id).map((r) => r.local_date)).toEqual([0, 2, 14, 16, 28, 30].map((n) => addDays(start, n)));
    expect(every2.series.recurrence).toEqual({ weekdays: [1, 3], intervalWeeks: 2, end: { kind: 'until', date: until } });

    // Starting on a Tuesday: the first Monday/Wednesday class is the next day, and 2 weeks are 14 days from it.
    const tuesday = addDays(start, 1);
    const fromTuesday = await createSeries(api, world.ana, { startDate: tuesday, recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } } });
    expect(occurrencesOf(api, fromTuesday.series.id).map((r) => r.local_date)).toEqual([2, 7, 9, 14].map((n) => addDays(start, n)));
    expect(weekdayOf(occurrencesOf(api, fromTuesday.series.id)[0]!.local_date)).toBe(3);
  });

  it('a series with no end is materialised 12 months ahead', async () => {
    const start = monday();
    const { series, occurrenceCount } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [5], intervalWeeks: 1, end: { kind: 'never' } } });
    const dates = occurrencesOf(api, series.id).map((r) => r.local_date);
    expect(occurrenceCount).toBe(dates.length);
    expect(dates[0]).toBe(addDays(start, 4));
    const last = dates.at(-1)!;
    expect(last > addDays(start, 358)).toBe(true);
    expect(last <= addDays(start, 366)).toBe(true);
    expect(occurrenceCount).toBeGreaterThanOrEqual(52);
    expect(series.recurrence?.end).toEqual({ kind: 'never' });
  });

  it('at start-up, a series with no end gets its rows 12 months ahead again, once, without a change-log entry', async () => {
    const { series } = await createSeries(api, world.ana, { startDate: monday(), recurrence: { weekdays: [5], intervalWeeks: 1, end: { kind: 'never' } } });
    const full = occurrencesOf(api, series.id).map((r) => r.local_date);
    const log = rowCounts(api.host.database.sqlite).change_log;
    // As if the rows had been made long ago: only the first ten exist.
    const cut = full[9]!;
    api.host.database.sqlite.prepare('DELETE FROM occurrences WHERE series_id = ? AND local_date > ?').run(series.id, cut);
    api.host.database.sqlite.prepare('UPDATE series SET materialised_until = ? WHERE id = ?').run(cut, series.id);
    const reopen = async () => {
      await api.host.database.close();
      api = await openTempApiIn(api.dir);
    };
    await reopen();
    expect(occurrencesOf(api, series.id).map((r) => r.local_date)).toEqual(full);
    await reopen();
    expect(occurrencesOf(api, series.id).map((r) => r.local_date)).toEqual(full);
    expect(rowCounts(api.host.database.sqlite).change_log).toBe(log);
  });

  it('"for 4 weeks" of a Mon/Wed class created on a Friday is 8 classes over 28 days from the first', async () => {
    const friday = addDays(monday(), 4);
    const { series, occurrenceCount } = await createSeries(api, world.ana, { startDate: friday, recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } } });
    expect(occurrenceCount).toBe(8);
    expect(occurrencesOf(api, series.id).map((r) => r.local_date)).toEqual([3, 5, 10, 12, 17, 19, 24, 26].map((n) => addDays(friday, n)));
    expect(series.recurrence).toEqual({ weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } });
  });

  it('a series saved under the Monday-based "for N weeks" keeps its classes: it reads as ending on its saved date', async () => {
    const friday = addDays(monday(), 4);
    const { series } = await createSeries(api, world.ana, { startDate: friday, recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } } });
    // As the earlier rule wrote it: weeks 0..3 from the Monday of the start's week end on day 23 (a Sunday),
    // so 6 classes, the last on day 19.
    const oldUntil = addDays(friday, 23);
    const sqlite = api.host.database.sqlite;
    const rrule = `DTSTART:${friday.replaceAll('-', '')}T090000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=${oldUntil.replaceAll('-', '')}T235959\nX-MOSTRADOR-WEEKS:4`;
    sqlite.prepare('UPDATE series SET rrule = ?, materialised_until = ? WHERE id = ?').run(rrule, oldUntil, series.id);
    sqlite.prepare('DELETE FROM occurrences WHERE series_id = ? AND local_date > ?').run(series.id, oldUntil);
    expect((await api.call('series.get', { id: series.id })).recurrence).toEqual({ weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'until', date: oldUntil } });
    // A change to all of it rewrites the rule but adds no class.
    await api.call('series.update', { occurrenceId: occurrencesOf(api, series.id)[0]!.id, scope: 'all', changes: { title: 'Pilates 4 semanas', startTime: '10:00' } });
    expect(occurrencesOf(api, series.id).map((r) => [r.local_date, r.status])).toEqual([3, 5, 10, 12, 17, 19].map((n) => [addDays(friday, n), 'scheduled']));
  });

  it('refuses a series whose last date is past the last date Mostrador handles', async () => {
    const error = await api.refuse('series.create', { title: 'Lejos', organizerId: world.ana, startDate: '2199-06-01', startTime: '09:00', durationMin: 60, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 52 } } });
    expect(error).toMatchObject({ code: 'date_out_of_range', field: 'recurrence.end.weeks' });
  });

  it('accepts a start date in the past (history is entered as it was)', async () => {
    const start = nextWeekday(dayFromToday(-60), 1);
    const { occurrenceCount } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } } });
    expect(occurrenceCount).toBe(4);
  });
});

describe('cover images', () => {
  it('copies a PNG into <db folder>/covers and serves it back', async () => {
    const { series } = await createSeries(api, world.ana, { coverImage: { dataUrl: tinyPngDataUrl } });
    expect(series.hasCoverImage).toBe(true);
    const file = join(api.dir, 'covers', `${series.id}.png`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).equals(tinyPng)).toBe(true);
    expect(await api.call('series.coverImage', { id: series.id })).toEqual({ dataUrl: tinyPngDataUrl });

    const plain = await createSeries(api, world.ana, {});
    expect(await api.call('series.coverImage', { id: plain.series.id })).toEqual({ dataUrl: null });
    expect(await api.refuse('series.coverImage', { id: unknownId })).toMatchObject({ code: 'not_found' });
  });

  it('judges the type by the bytes: a PNG sent as image/jpeg is still a PNG', async () => {
    const { series } = await createSeries(api, world.ana, { coverImage: { dataUrl: tinyPngDataUrl.replace('image/png', 'image/jpeg') } });
    expect(existsSync(join(api.dir, 'covers', `${series.id}.png`))).toBe(true);
  });

  it('refuses a GIF, text, a broken data URL and an image over 2 MB, writing nothing', async () => {
    const before = rowCounts(api.host.database.sqlite);
    const text = `data:text/plain;base64,${Buffer.from('hola, no soy una imagen').toString('base64')}`;
    const pngHeader = tinyPng.subarray(0, 16);
    const big = Buffer.concat([pngHeader, Buffer.alloc(2 * 1024 * 1024 + 10 - pngHeader.length)]);
    const cases: [string, string][] = [
      [tinyGifDataUrl, 'invalid_image'],
      [text, 'invalid_image'],
      ['not a data url', 'invalid_image'],
      ['data:image/png;base64,!!!!', 'invalid_image'],
      [`data:image/png;base64,${big.toString('base64')}`, 'image_too_large'],
    ];
    for (const [dataUrl, code] of cases) {
      expect(await api.refuse('series.create', { title: 'X', organizerId: world.ana, startDate: monday(), startTime: '09:00', durationMin: 60, coverImage: { dataUrl } })).toMatchObject({
        code,
        field: 'coverImage',
      });
    }
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect(existsSync(join(api.dir, 'covers')) ? readdirSync(join(api.dir, 'covers')) : []).toEqual([]);
  });
});

describe('bad input: a clear error on the field, nothing written', () => {
  const base = () => ({
    title: 'Pilates',
    organizerId: world.ana,
    startDate: monday(),
    startTime: '09:00',
    durationMin: 60,
    places: 10,
    recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } },
  });
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ['no weekdays', () => ({ ...base(), recurrence: { ...base().recurrence, weekdays: [] } }), 'required', 'recurrence.weekdays'],
    ['weekday 8', () => ({ ...base(), recurrence: { ...base().recurrence, weekdays: [8] } }), 'out_of_range', 'recurrence.weekdays.0'],
    ['interval 0', () => ({ ...base(), recurrence: { ...base().recurrence, intervalWeeks: 0 } }), 'out_of_range', 'recurrence.intervalWeeks'],
    ['end before the start', () => ({ ...base(), recurrence: { ...base().recurrence, end: { kind: 'until', date: addDays(monday(), -1) } } }), 'end_before_start', 'recurrence.end.date'],
    ['an until with no class day in range', () => ({ ...base(), startDate: addDays(monday(), 1), recurrence: { ...base().recurrence, weekdays: [1], end: { kind: 'until', date: addDays(monday(), 3) } } }), 'end_before_start', 'recurrence.end.date'],
    ['0 weeks', () => ({ ...base(), recurrence: { ...base().recurrence, end: { kind: 'weeks', weeks: 0 } } }), 'out_of_range', 'recurrence.end.weeks'],
    ['duration 0', () => ({ ...base(), durationMin: 0 }), 'out_of_range', 'durationMin'],
    ['duration 1441', () => ({ ...base(), durationMin: 1441 }), 'out_of_range', 'durationMin'],
    ['negative places', () => ({ ...base(), places: -1 }), 'out_of_range', 'places'],
    ['unknown organizer', () => ({ ...base(), organizerId: unknownId }), 'not_found', 'organizerId'],
    ['unknown session type', () => ({ ...base(), sessionTypeId: unknownId }), 'not_found', 'sessionTypeId'],
    ['unknown tag', () => ({ ...base(), tagIds: [unknownId] }), 'not_found', 'tagIds'],
    ['a bad date', () => ({ ...base(), startDate: '2030-02-30' }), 'invalid_date', 'startDate'],
    ['a bad time', () => ({ ...base(), startTime: '25:00' }), 'invalid_input', 'startTime'],
    ['no title', () => ({ ...base(), title: '  ' }), 'required', 'title'],
    ['online with no link', () => ({ ...base(), mode: 'online' }), 'required', 'onlineLink'],
    ['an http link', () => ({ ...base(), mode: 'online', onlineLink: 'http://example.com' }), 'invalid_input', 'onlineLink'],
    ['an unknown field', () => ({ ...base(), colour: '#ffffff' }), 'invalid_input', 'colour'],
  ];
  it.each(cases)('%s', async (_name, input, code, field) => {
    const tables = ['series', 'series_tags', 'occurrences', 'change_log'];
    const before = countRows(api, ...tables);
    const error = await api.refuse('series.create', input());
    expect(error).toMatchObject({ code, field });
    expect(error.message).not.toMatch(/SQLITE|Error:|RangeError/);
    expect(countRows(api, ...tables)).toEqual(before);
  });
});

describe('series.update', () => {
  async function weeklyWithBookings(weeks = 3) {
    const start = monday();
    const created = await createSeries(api, world.ana, {
      startDate: start,
      recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks } },
      places: 1,
    });
    const rows = occurrencesOf(api, created.series.id);
    // Client 0 holds the place of the first two occurrences, client 1 waits on the first.
    const b0 = await api.call('sessions.book', { occurrenceId: rows[0]!.id, clientId: world.clients[0]! });
    const w1 = await api.call('sessions.book', { occurrenceId: rows[0]!.id, clientId: world.clients[1]! });
    const b1 = await api.call('sessions.book', { occurrenceId: rows[1]!.id, clientId: world.clients[0]! });
    return { start, series: created.series, rows, bookings: [b0, w1, b1] };
  }

  it("'all': the title and time change everywhere, bookings are kept and their clients listed", async () => {
    const { series, rows, bookings } = await weeklyWithBookings();
    const { series: updated, affected } = await api.call('series.update', { occurrenceId: rows[3]!.id, scope: 'all', changes: { title: 'Pilates suave', startTime: '10:15' } });
    expect(updated).toMatchObject({ id: series.id, title: 'Pilates suave', startTime: '10:15' });
    const after = occurrencesOf(api, series.id);
    expect(after.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    for (const r of after) {
      expect(r).toMatchObject({ title: 'Pilates suave', local_start: '10:15', status: 'scheduled' });
      expect(localTimeOf(r.starts_at)).toBe('10:15');
    }
    expect(affected.map((a) => a.bookingId).sort()).toEqual(bookings.map((b) => b.id).sort());
    for (const a of affected) {
      const was = rows.find((r) => r.id === a.occurrenceId)!;
      expect(a.wasStartsAt).toBe(was.starts_at);
      expect(localTimeOf(a.nowStartsAt!)).toBe('10:15');
      expect(a.phone).toMatch(/^\+34/);
    }
    const detail = await api.call('sessions.get', { occurrenceId: rows[0]!.id });
    expect(detail.bookings.map((b) => b.id)).toEqual([bookings[0]!.id]);
    expect(detail.waitlist.map((b) => [b.id, b.waitlistPosition])).toEqual([[bookings[1]!.id, 1]]);
  });

  it("'all' with only a title change lists nobody (no one's time moved)", async () => {
    const { rows } = await weeklyWithBookings();
    const { affected } = await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'all', changes: { title: 'Otro nombre', description: 'x' } });
    expect(affected).toEqual([]);
  });

  it("'all' with other weekdays: dropped days are cancelled (bookings kept, clients listed), new days appear", async () => {
    const { start, series, rows, bookings } = await weeklyWithBookings(2);
    const { affected } = await api.call('series.update', {
      occurrenceId: rows[0]!.id,
      scope: 'all',
      changes: { recurrence: { weekdays: [1, 5], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } } },
    });
    const after = occurrencesOf(api, series.id);
    const scheduled = after.filter((r) => r.status === 'scheduled').map((r) => r.local_date);
    expect(scheduled).toEqual([0, 4, 7, 11].map((n) => addDays(start, n)));
    const cancelled = after.filter((r) => r.status === 'cancelled');
    expect(cancelled.map((r) => r.id)).toEqual([rows[1]!.id, rows[3]!.id]);
    // Mondays kept their rows; the Wednesday booking is listed as cancelled and kept.
    expect(after.find((r) => r.local_date === start)!.id).toBe(rows[0]!.id);
    expect(affected).toEqual([expect.objectContaining({ bookingId: bookings[2]!.id, occurrenceId: rows[1]!.id, nowStartsAt: null })]);
    const kept = await api.call('sessions.get', { occurrenceId: rows[1]!.id });
    expect(kept.occurrence.status).toBe('cancelled');
    expect(kept.bookings.map((b) => b.id)).toEqual([bookings[2]!.id]);
  });

  it("'following' splits the series at the chosen occurrence", async () => {
    const { series, rows, bookings } = await weeklyWithBookings(3);
    const { series: tail, affected } = await api.call('series.update', { occurrenceId: rows[2]!.id, scope: 'following', changes: { startTime: '18:00', title: 'Pilates tarde' } });
    expect(tail.id).not.toBe(series.id);
    expect(tail).toMatchObject({ title: 'Pilates tarde', startTime: '18:00', startDate: rows[2]!.local_date });
    const head = await api.call('series.get', { id: series.id });
    expect(head).toMatchObject({ title: 'Pilates', startTime: '09:00', recurrence: { end: { kind: 'until', date: addDays(rows[2]!.local_date, -1) } } });
    expect(occurrencesOf(api, series.id).map((r) => r.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(occurrencesOf(api, tail.id).map((r) => r.id)).toEqual(rows.slice(2).map((r) => r.id));
    for (const r of occurrencesOf(api, tail.id)) expect(localTimeOf(r.starts_at)).toBe('18:00');
    for (const r of occurrencesOf(api, series.id)) expect(localTimeOf(r.starts_at)).toBe('09:00');
    // The bookings sat on the first two occurrences, which did not move.
    expect(affected).toEqual([]);
    expect((await api.call('sessions.get', { occurrenceId: rows[0]!.id })).bookings.map((b) => b.id)).toEqual([bookings[0]!.id]);
  });

  it("'occurrence' changes one occurrence only, and refuses series-level fields", async () => {
    const { series, rows, bookings } = await weeklyWithBookings(2);
    const { affected } = await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'occurrence', changes: { startTime: '11:00', title: 'Especial', places: 3 } });
    const after = occurrencesOf(api, series.id);
    expect(after[0]).toMatchObject({ id: rows[0]!.id, title: 'Especial', local_start: '11:00' });
    expect(localTimeOf(after[0]!.starts_at)).toBe('11:00');
    expect(after.slice(1).every((r) => r.title === 'Pilates' && r.local_start === '09:00')).toBe(true);
    expect(affected.map((a) => a.bookingId).sort()).toEqual([bookings[0]!.id, bookings[1]!.id].sort());
    expect((await api.call('series.get', { id: series.id })).title).toBe('Pilates');

    // Moving it to another day.
    const newDay = addDays(rows[0]!.local_date, 1);
    await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'occurrence', changes: { date: newDay } });
    expect(occurrencesOf(api, series.id).find((r) => r.id === rows[0]!.id)?.local_date).toBe(newDay);

    const before = rowCounts(api.host.database.sqlite);
    for (const changes of [{ description: 'x' }, { recurrence: null }, { tagIds: [] }, { attendanceMode: 'open' as const }, { coverImage: null }]) {
      const field = `changes.${Object.keys(changes)[0]}`;
      expect(await api.refuse('series.update', { occurrenceId: rows[1]!.id, scope: 'occurrence', changes })).toMatchObject({ code: 'scope_not_allowed', field });
    }
    expect(await api.refuse('series.update', { occurrenceId: rows[1]!.id, scope: 'all', changes: { date: newDay } })).toMatchObject({ code: 'scope_not_allowed', field: 'changes.date' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });

  it('refuses bad changes, writing nothing', async () => {
    const { rows } = await weeklyWithBookings(2);
    const before = rowCounts(api.host.database.sqlite);
    const bad: [Record<string, unknown>, string, string][] = [
      [{ durationMin: 0 }, 'out_of_range', 'changes.durationMin'],
      [{ places: -2 }, 'out_of_range', 'changes.places'],
      [{ organizerId: unknownId }, 'not_found', 'changes.organizerId'],
      [{ recurrence: { weekdays: [], intervalWeeks: 1, end: { kind: 'never' } } }, 'required', 'changes.recurrence.weekdays'],
      [{ recurrence: { weekdays: [1], intervalWeeks: 0, end: { kind: 'never' } } }, 'out_of_range', 'changes.recurrence.intervalWeeks'],
      [{ recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'until', date: '2000-01-01' } } }, 'end_before_start', 'changes.recurrence.end.date'],
      [{ mode: 'online' }, 'required', 'changes.onlineLink'],
    ];
    for (const [changes, code, field] of bad) {
      expect(await api.refuse('series.update', { occurrenceId: rows[0]!.id, scope: 'all', changes })).toMatchObject({ code, field });
    }
    expect(await api.refuse('series.update', { occurrenceId: unknownId, scope: 'all', changes: { title: 'x' } })).toMatchObject({ code: 'not_found' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });

  it("'all' leaves occurrences that already happened as they were (history)", async () => {
    const start = nextWeekday(dayFromToday(-21), 1);
    const { series } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 8 } } });
    const rows = occurrencesOf(api, series.id);
    const now = new Date().toISOString();
    const past = rows.filter((r) => r.starts_at <= now);
    const upcoming = rows.filter((r) => r.starts_at > now);
    expect(past.length).toBeGreaterThanOrEqual(3);
    const { series: updated } = await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'all', changes: { title: 'Nuevo', startTime: '19:00' } });
    const all = [...occurrencesOf(api, series.id), ...(updated.id === series.id ? [] : occurrencesOf(api, updated.id))];
    for (const r of past) expect(all.find((a) => a.id === r.id)).toMatchObject({ title: 'Pilates', starts_at: r.starts_at });
    for (const r of upcoming) expect(localTimeOf(all.find((a) => a.id === r.id)!.starts_at)).toBe('19:00');
    expect(all).toHaveLength(rows.length);
  });

  it('a changed cover replaces the file', async () => {
    const { rows, series } = await weeklyWithBookings(1);
    await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'all', changes: { coverImage: { dataUrl: tinyPngDataUrl } } });
    expect(await api.call('series.coverImage', { id: series.id })).toEqual({ dataUrl: tinyPngDataUrl });
    await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'all', changes: { coverImage: null } });
    expect((await api.call('series.get', { id: series.id })).hasCoverImage).toBe(false);
  });
});

describe('series.cancel', () => {
  async function weekly(weeks = 2) {
    const start = monday();
    const { series } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks } } });
    const rows = occurrencesOf(api, series.id);
    const booking = await api.call('sessions.book', { occurrenceId: rows[2]!.id, clientId: world.clients[0]! });
    return { start, series, rows, booking };
  }

  it("'occurrence' cancels one, keeping its bookings and listing the clients", async () => {
    const { series, rows, booking } = await weekly();
    const result = await api.call('series.cancel', { occurrenceId: rows[2]!.id, scope: 'occurrence' });
    expect(result.cancelledOccurrences).toBe(1);
    expect(result.affected).toEqual([expect.objectContaining({ bookingId: booking.id, clientId: world.clients[0], nowStartsAt: null, wasStartsAt: rows[2]!.starts_at })]);
    expect(occurrencesOf(api, series.id).map((r) => r.status)).toEqual(['scheduled', 'scheduled', 'cancelled', 'scheduled']);
    expect((await api.call('sessions.get', { occurrenceId: rows[2]!.id })).bookings.map((b) => b.id)).toEqual([booking.id]);
    expect((await api.call('series.get', { id: series.id })).cancelled).toBe(false);
    const { occurrences } = await api.call('agenda.range', { from: rows[0]!.local_date, to: rows[3]!.local_date });
    expect(occurrences.map((o) => o.id)).toEqual([rows[0]!.id, rows[1]!.id, rows[3]!.id]);
    expect(await api.refuse('series.cancel', { occurrenceId: rows[2]!.id, scope: 'occurrence' })).toMatchObject({ code: 'occurrence_cancelled' });
    expect(await api.refuse('series.update', { occurrenceId: rows[2]!.id, scope: 'occurrence', changes: { title: 'x' } })).toMatchObject({ code: 'occurrence_cancelled' });
  });

  it("'following' cancels from the chosen occurrence on and ends the series the day before", async () => {
    const { series, rows, booking } = await weekly();
    const result = await api.call('series.cancel', { occurrenceId: rows[1]!.id, scope: 'following' });
    expect(result.cancelledOccurrences).toBe(3);
    expect(result.affected.map((a) => a.bookingId)).toEqual([booking.id]);
    expect(occurrencesOf(api, series.id).map((r) => r.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
    const after = await api.call('series.get', { id: series.id });
    expect(after.cancelled).toBe(false);
    expect(after.recurrence?.end).toEqual({ kind: 'until', date: addDays(rows[1]!.local_date, -1) });
  });

  it("'all' cancels every upcoming occurrence and the series", async () => {
    const { series, rows } = await weekly();
    const result = await api.call('series.cancel', { occurrenceId: rows[3]!.id, scope: 'all' });
    expect(result.cancelledOccurrences).toBe(4);
    expect((await api.call('series.get', { id: series.id })).cancelled).toBe(true);
    expect(await api.refuse('series.cancel', { occurrenceId: rows[0]!.id, scope: 'all' })).toMatchObject({ code: 'occurrence_cancelled' });
  });

  it("'all' keeps occurrences that already happened", async () => {
    const start = nextWeekday(dayFromToday(-14), 1);
    const { series } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 6 } } });
    const rows = occurrencesOf(api, series.id);
    const now = new Date().toISOString();
    const result = await api.call('series.cancel', { occurrenceId: rows[0]!.id, scope: 'all' });
    const after = occurrencesOf(api, series.id);
    expect(result.cancelledOccurrences).toBe(rows.filter((r) => r.starts_at > now).length);
    for (const r of after) expect(r.status).toBe(r.starts_at > now ? 'cancelled' : 'scheduled');
  });

  it("'all' on a future series whose start date is not one of its weekdays", async () => {
    // Starts on a Sunday, classes on Mondays: the first upcoming occurrence is after start_date.
    const sunday = addDays(monday(), -1);
    const { series } = await createSeries(api, world.ana, { startDate: sunday, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } } });
    const rows = occurrencesOf(api, series.id);
    const result = await api.call('series.cancel', { occurrenceId: rows[0]!.id, scope: 'all' });
    expect(result.cancelledOccurrences).toBe(rows.length);
    expect((await api.call('series.get', { id: series.id })).cancelled).toBe(true);
  });
});

describe('series.update after a single occurrence was cancelled', () => {
  it('does not bring the cancelled occurrence back', async () => {
    const start = monday();
    const { series } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } } });
    const rows = occurrencesOf(api, series.id);
    await api.call('series.cancel', { occurrenceId: rows[1]!.id, scope: 'occurrence' });
    await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'all', changes: { title: 'Pilates II', startTime: '10:00' } });
    const after = occurrencesOf(api, series.id);
    expect(after).toHaveLength(3);
    expect(after.map((r) => r.status)).toEqual(['scheduled', 'cancelled', 'scheduled']);
  });
});

describe('series.update after a single occurrence was moved to another day', () => {
  // Occurrences are matched by the date the rule gave them (series_date), not by where they stand now.
  it('keeps the moved occurrence where it was moved and does not recreate the original date', async () => {
    const start = monday();
    const { series } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } } });
    const rows = occurrencesOf(api, series.id);
    const tuesday = addDays(rows[1]!.local_date, 1);
    await api.call('series.update', { occurrenceId: rows[1]!.id, scope: 'occurrence', changes: { date: tuesday } });
    await api.call('series.update', { occurrenceId: rows[0]!.id, scope: 'all', changes: { title: 'Pilates II' } });
    const after = occurrencesOf(api, series.id);
    expect(after.map((r) => [r.local_date, r.status])).toEqual([
      [rows[0]!.local_date, 'scheduled'],
      [tuesday, 'scheduled'],
      [rows[2]!.local_date, 'scheduled'],
    ]);
  });
});

describe('series.update after its weekdays changed and the first old date went by', () => {
  // Found by the feed replay: the only occurrence before the pivot was one the rule no longer has.
  it('changes all of it again without splitting off a part the rule has no date in', async () => {
    const start = monday();
    const { series } = await createSeries(api, world.ana, { startDate: start, recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } } });
    const [first] = occurrencesOf(api, series.id);
    // Mondays become Fridays: the Monday rows are cancelled, Fridays added.
    await api.call('series.update', { occurrenceId: first!.id, scope: 'all', changes: { recurrence: { weekdays: [5], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } } } });
    // Tuesday: the first (cancelled) Monday has gone by, the first Friday is to come.
    fixClock(`${addDays(start, 1)}T10:00:00.000Z`);
    const friday = occurrencesOf(api, series.id).find((r) => r.status === 'scheduled')!;
    const result = await api.host.invoke('series.update', { occurrenceId: friday.id, scope: 'all', changes: { recurrence: { weekdays: [3, 7], intervalWeeks: 1, end: { kind: 'weeks', weeks: 4 } } } });
    expect(result).toMatchObject({ ok: true });
    const scheduled = occurrencesOf(api, series.id).filter((r) => r.status === 'scheduled');
    // From the pivot (that first Friday) on: the Sundays and Wednesdays of the 4 weeks from the rule's first date.
    expect(scheduled.map((r) => weekdayOf(r.local_date))).toEqual([7, 3, 7, 3, 7, 3, 7]);
    expect(scheduled.at(-1)!.local_date).toBe(addDays(start, 27));
  });
});
