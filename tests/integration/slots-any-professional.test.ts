import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FreeSlot } from '../../src-shared/domain/appointments';
import { demoRandom } from '../../src-main/cli/demo-data';
import { addDays } from '../../src-main/engine/time/local-time';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { fixClock } from '../helpers/fixed-clock';
import type { AppointmentWorld } from './appointment-world';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';

/** Monday 1 March 2027, 09:00 in Madrid. */
const NOW = '2027-03-01T08:00:00.000Z';
const MONDAY = '2027-03-08';
/** After Ana, Bea and Carla (the world's), by name. */
const more = ['Dora', 'Elena', 'Fede', 'Gema', 'Hugo', 'Inés', 'Juan'];

let api: TempApi;
let world: AppointmentWorld;
/** Every professional, in name order. */
let team: { id: string; name: string }[];

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await appointmentWorld(api, 40);
  team = [
    { id: world.ana, name: 'Ana Estilista' },
    { id: world.bea, name: 'Bea Estilista' },
    { id: world.carla, name: 'Carla Estilista' },
  ];
  for (const name of more) team.push({ id: (await api.call('staff.create', { name, role: 'professional' })).id, name });
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const any = (from: string, to = from, extra: { at?: string; stepMin?: 15 } = {}) => api.call('slots.find', { serviceId: world.corte, from, to, ...extra });
const names = (slot: FreeSlot | undefined) => slot?.options.map((o) => o.staffName);

/** What "any professional" must answer, built from each professional's own slots (slots.one, unchanged). */
async function expected(from: string, to: string): Promise<Map<string, string[]>> {
  const byStart = new Map<string, string[]>();
  for (const { id } of team) {
    for (const slot of await api.call('slots.find', { serviceId: world.corte, staffId: id, from, to })) {
      byStart.set(slot.startsAt, [...(byStart.get(slot.startsAt) ?? []), slot.options[0]!.staffName]);
    }
  }
  return byStart;
}

describe('slots.find for any professional: a few named per start', () => {
  it('names the first three free by name and says that others are free too', async () => {
    for (const { id } of team) await createSchedule(api, id, [world.corte], { ranges: [{ weekday: 1, start: '10:00', end: '11:00' }] });
    const free = await any(MONDAY);
    expect(free.map((s) => [s.localStart, names(s), s.moreOptions])).toEqual([
      ['10:00', ['Ana Estilista', 'Bea Estilista', 'Carla Estilista'], true],
      ['10:30', ['Ana Estilista', 'Bea Estilista', 'Carla Estilista'], true],
    ]);
    // Ana and Bea booked at 10:00: the next ones by name take their places.
    await api.call('appointments.book', { clientId: world.clients[0]!, staffId: world.ana, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    await api.call('appointments.book', { clientId: world.clients[1]!, staffId: world.bea, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    expect(names((await any(MONDAY))[0])).toEqual(['Carla Estilista', 'Dora', 'Elena']);
  });

  it('says nothing more when exactly three are free, and more when a fourth is', async () => {
    for (const { id } of team.slice(0, 3)) await createSchedule(api, id, [world.corte], { ranges: [{ weekday: 1, start: '10:00', end: '10:30' }] });
    const three = await any(MONDAY);
    expect(three).toEqual([
      {
        startsAt: madrid(MONDAY, '10:00'),
        localDate: MONDAY,
        localStart: '10:00',
        options: team.slice(0, 3).map((p) => ({ staffId: p.id, staffName: p.name, scheduleId: expect.any(String), endsAt: madrid(MONDAY, '10:30') })),
      },
    ]);
    expect(three[0]).not.toHaveProperty('moreOptions');
    await createSchedule(api, team[9]!.id, [world.corte], { ranges: [{ weekday: 1, start: '10:00', end: '10:30' }] });
    expect((await any(MONDAY))[0]).toMatchObject({ options: team.slice(0, 3).map((p) => ({ staffId: p.id })), moreOptions: true });
  });

  it('offers a start only the last professional by name is free at', async () => {
    for (const { id } of team) await createSchedule(api, id, [world.corte], { ranges: [{ weekday: 1, start: '10:00', end: '11:00' }] });
    // Juan alone also works 18:00–18:30 that Monday; everyone but him is booked at 10:00.
    await api.call('schedules.setException', { staffId: team[9]!.id, date: MONDAY, kind: 'hours', ranges: [{ start: '10:00', end: '11:00' }, { start: '18:00', end: '18:30' }] });
    for (const [i, { id }] of team.slice(0, 9).entries()) {
      await api.call('appointments.book', { clientId: world.clients[i]!, staffId: id, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    }
    const free = await any(MONDAY);
    expect(free.map((s) => [s.localStart, names(s), s.moreOptions ?? false])).toEqual([
      ['10:00', ['Juan'], false],
      ['10:30', ['Ana Estilista', 'Bea Estilista', 'Carla Estilista'], true],
      ['18:00', ['Juan'], false],
    ]);
    // The one offered is really free: the booking goes through.
    const booked = await api.call('appointments.book', { clientId: world.clients[20]!, staffId: free[2]!.options[0]!.staffId, serviceId: world.corte, startsAt: free[2]!.startsAt });
    expect(booked).toMatchObject({ staffName: 'Juan', localStart: '18:00', overridden: [] });
  });

  it('finds the one free professional at a start of one busy day in a week, reading only around it', async () => {
    for (const { id } of team) await createSchedule(api, id, [world.corte], { ranges: everyDay(['10:00', '11:00']) });
    // The first eight by name settle every other start; Monday 10:00 is left to Inés (booked) and Juan.
    for (const [i, { id }] of team.slice(0, 9).entries()) {
      await api.call('appointments.book', { clientId: world.clients[i]!, staffId: id, serviceId: world.corte, startsAt: madrid(MONDAY, '10:00') });
    }
    const week = await any(MONDAY, addDays(MONDAY, 6));
    expect(week).toHaveLength(14);
    expect(week.map((s) => names(s)![0])).toEqual(['Juan', ...Array<string>(13).fill('Ana Estilista')]);
    expect(week[0]!.moreOptions).toBeUndefined();
    expect(week.slice(1).every((s) => s.moreOptions === true && s.options.length === 3)).toBe(true);
  });

  it('lists everyone free at one start with `at`, and nobody at a start nobody is free at', async () => {
    for (const { id } of team) await createSchedule(api, id, [world.corte], { ranges: [{ weekday: 1, start: '10:00', end: '11:00' }] });
    await api.call('appointments.book', { clientId: world.clients[0]!, staffId: world.bea, serviceId: world.corte, startsAt: madrid(MONDAY, '10:30') });
    const all = await any(MONDAY, MONDAY, { at: madrid(MONDAY, '10:30') });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ localStart: '10:30' });
    expect(all[0]).not.toHaveProperty('moreOptions');
    expect(names(all[0])).toEqual(team.filter((p) => p.id !== world.bea).map((p) => p.name));
    expect(await any(MONDAY, MONDAY, { at: madrid(MONDAY, '12:00') })).toEqual([]);
  });

  it('agrees with every professional’s own slots over two busy weeks (buffers, exceptions, a holiday, lengths)', async () => {
    const random = demoRandom(42);
    for (const [i, { id }] of team.entries()) {
      await createSchedule(api, id, [world.corte], {
        durationMin: [30, 45, 60][i % 3]!,
        bufferBeforeMin: i % 4 === 0 ? 15 : 0,
        bufferAfterMin: i % 3 === 0 ? 10 : 0,
        ranges: everyDay(['09:00', '13:00'], ['16:00', '19:00']),
      });
    }
    const last = addDays(MONDAY, 13);
    await api.call('holidays.set', { date: addDays(MONDAY, 3), name: 'Fiesta local' });
    for (const { id } of team) {
      if (random.chance(0.5)) await api.call('schedules.setException', { staffId: id, date: addDays(MONDAY, random.int(0, 13)), kind: 'day_off' });
      if (random.chance(0.5)) await api.call('schedules.setException', { staffId: id, date: addDays(MONDAY, random.int(0, 13)), kind: 'hours', ranges: [{ start: '11:00', end: '15:00' }] });
    }
    // Most of each professional's times booked, so many starts have fewer than four free (or none).
    let client = 0;
    for (const { id } of team) {
      const own = await api.call('slots.find', { serviceId: world.corte, staffId: id, from: MONDAY, to: last });
      for (const slot of own) {
        if (!random.chance(0.7)) continue;
        // A booking can take the next start too (a longer appointment, a buffer): such a refusal is expected.
        const result = await api.host.invoke('appointments.book', { clientId: world.clients[client % 40]!, staffId: id, serviceId: world.corte, startsAt: slot.startsAt });
        if (result.ok) client++;
        else expect(result.error.code).toBe('slot_taken');
      }
    }
    const want = await expected(MONDAY, last);
    const got = await any(MONDAY, last);
    expect(got.map((s) => s.startsAt)).toEqual([...want.keys()].sort());
    for (const slot of got) {
      const free = want.get(slot.startsAt)!;
      expect([slot.localStart, names(slot), slot.moreOptions ?? false]).toEqual([slot.localStart, free.slice(0, 3), free.length > 3]);
    }
    // Some starts had fewer than four free, some more: both paths were taken.
    expect(got.some((s) => !s.moreOptions)).toBe(true);
    expect(got.some((s) => s.moreOptions)).toBe(true);
    // And `at` lists them all, for every start.
    for (const slot of got.filter((_, i) => i % 7 === 0)) {
      const [all] = await any(slot.localDate, slot.localDate, { at: slot.startsAt });
      expect(names(all)).toEqual(want.get(slot.startsAt));
    }
  });
});
