import type Sqlite from 'better-sqlite3';
import type { ApiHost } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { newId } from '../../src-main/engine/ids';
import { addDays } from '../../src-main/engine/time/local-time';
import type { WeeklyRange } from '../../src-shared/domain/appointments';
import { benchCaller } from './bench-db';
import { chooseAppointments, insertAppointments } from './seed-appointments';
import { seedClients } from './seed-clients';

export interface SeededAgenda {
  staffIds: string[];
  clientIds: string[];
  tagIds: string[];
  /** First and last local dates the series cover. */
  from: string;
  to: string;
  /** Future, scheduled session occurrences with their places (for sessions.book). */
  upcoming: { id: string; places: number | null }[];
  /** "occurrenceId clientId" of every live booking the seed made. */
  livePairs: Set<string>;
  occurrences: number;
  bookings: number;
  /** The local dates a busy desk's week fills (appointments, meetings, private events), when asked for. */
  busy: { from: string; to: string; appointments: number } | null;
}

/** Mon–Sat, a morning and an afternoon: a salon's opening hours. */
const salonHours: WeeklyRange[] = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, start: '09:00', end: '14:00' },
  { weekday, start: '15:00', end: '20:00' },
]);

const titles = ['Pilates', 'Yoga', 'Hatha yoga', 'Pilates máquina', 'Barre', 'Estiramientos', 'Yoga prenatal', 'Core', 'Meditación', 'Pilates suelo'];
const times = ['07:30', '08:00', '09:00', '09:30', '10:00', '11:00', '12:00', '13:00', '16:00', '17:00', '17:30', '18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00'];

/**
 * 40 professionals, 200 recurring series over 3 years (18 months back, 18 ahead) created through the
 * API (the engine materialises their occurrences), then `bookingCount` bookings inserted with
 * prepared statements in one transaction, following the booking rules (places, waitlist positions;
 * past ones attended / no-show, a share cancelled).
 */
export async function seedAgenda(
  host: ApiHost,
  options: { clients: number; bookings: number; log: (line: string) => void; busy?: { days: number; appointmentsPerDay: number }; clientsInFeed?: boolean },
): Promise<SeededAgenda> {
  const call = benchCaller(host);
  const random = demoRandom(3);
  const seededClients = await seedClients(host, options.clients, { inFeed: options.clientsInFeed === true });
  const sqlite: Sqlite.Database = host.database.sqlite;
  const clientIds = sqlite.prepare('SELECT id FROM clients WHERE blacklisted = 0').pluck().all() as string[];

  const staffIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    staffIds.push((await call('staff.create', { name: `Profesional ${String(i + 1).padStart(2, '0')}`, role: i === 0 ? 'owner' : 'professional' })).id);
  }
  const typeIds: string[] = [];
  for (const name of titles.slice(0, 6)) typeIds.push((await call('sessionTypes.create', { name, defaultDurationMin: 60, defaultPlaces: 12 })).id);

  const today = new Date();
  const todayDate = today.toISOString().slice(0, 10);
  const from = addDays(todayDate, -548);
  const to = addDays(todayDate, 548);
  const seriesStart = performance.now();
  for (let i = 0; i < 200; i++) {
    const dayCount = random.int(1, 3);
    const weekdays = new Set<number>();
    while (weekdays.size < dayCount) weekdays.add(random.int(1, 6));
    const tagged = random.chance(0.15);
    await call('series.create', {
      title: `${random.pick(titles)} ${i + 1}`,
      organizerId: staffIds[i % staffIds.length]!,
      sessionTypeId: random.chance(0.7) ? random.pick(typeIds) : null,
      startDate: addDays(todayDate, -548 + random.int(0, 30)),
      startTime: random.pick(times),
      durationMin: random.pick([45, 55, 60, 60, 75, 90]),
      places: random.int(8, 20),
      recurrence: { weekdays: [...weekdays], intervalWeeks: random.chance(0.9) ? 1 : 2, end: { kind: 'until', date: addDays(todayDate, 548 - random.int(0, 30)) } },
      attendanceMode: tagged ? 'tags' : 'booking',
      tagIds: tagged ? [random.pick(seededClients.tagIds)] : [],
      redeemableWithPasses: random.chance(0.5),
    });
  }
  options.log(`200 series created through the API in ${((performance.now() - seriesStart) / 1000).toFixed(1)} s`);

  const occurrenceRows = sqlite.prepare("SELECT id, places, starts_at FROM occurrences WHERE status = 'scheduled'").all() as { id: string; places: number | null; starts_at: string }[];
  const now = today.toISOString();
  const insert = sqlite.prepare(`
    INSERT INTO bookings (id, occurrence_id, client_id, status, waitlist_position, over_places, source, booked_by, cancelled_at, checked_in_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 0, ?, NULL, ?, ?, ?, ?)`);
  const state = new Map<string, { held: number; waiting: number; clients: Set<string> }>();
  const livePairs = new Set<string>();
  const bookingStart = performance.now();
  sqlite.transaction(() => {
    let made = 0;
    while (made < options.bookings) {
      const occurrence = occurrenceRows[random.int(0, occurrenceRows.length - 1)]!;
      let s = state.get(occurrence.id);
      if (!s) state.set(occurrence.id, (s = { held: 0, waiting: 0, clients: new Set() }));
      const clientId = clientIds[random.int(0, clientIds.length - 1)]!;
      if (s.clients.has(clientId)) continue;
      const past = occurrence.starts_at <= now;
      const full = occurrence.places !== null && s.held >= occurrence.places;
      if (full && past) continue;
      let status: string;
      let position: number | null = null;
      if (random.chance(0.08)) status = 'cancelled';
      else if (full) {
        status = 'waitlisted';
        position = ++s.waiting;
      } else {
        status = past ? (random.chance(0.85) ? 'attended' : random.chance(0.7) ? 'no_show' : 'booked') : 'booked';
        s.held += 1;
      }
      if (status !== 'cancelled') {
        s.clients.add(clientId);
        livePairs.add(`${occurrence.id} ${clientId}`);
      }
      const at = past ? occurrence.starts_at : now;
      insert.run(newId(), occurrence.id, clientId, status, position, random.chance(0.2) ? 'client' : 'desk', status === 'cancelled' ? at : null, status === 'attended' ? at : null, at, at);
      made += 1;
    }
  })();
  const busy = options.busy ? await seedBusyDesk(host, staffIds, clientIds, todayDate, options.busy, options.log) : null;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  options.log(`${options.bookings.toLocaleString('en')} bookings inserted in ${((performance.now() - bookingStart) / 1000).toFixed(1)} s`);

  const tagged = new Set(sqlite.prepare("SELECT o.id FROM occurrences o JOIN series s ON s.id = o.series_id WHERE s.attendance_mode = 'tags'").pluck().all() as string[]);
  return {
    staffIds,
    clientIds,
    tagIds: seededClients.tagIds,
    from,
    to,
    // Sessions anyone may book: the bench books without the override a tagged session needs for a client without its tags.
    upcoming: occurrenceRows.filter((o) => o.starts_at > now && !tagged.has(o.id)).map((o) => ({ id: o.id, places: o.places })),
    livePairs,
    occurrences: Number(sqlite.prepare('SELECT count(*) FROM occurrences').pluck().get()),
    bookings: Number(sqlite.prepare('SELECT count(*) FROM bookings').pluck().get()),
    busy,
  };
}

/**
 * What else a real month holds, `days` around today: every professional's appointment schedule and
 * `appointmentsPerDay` appointments a working day each (times from the slot engine, inserted with one
 * prepared statement in one transaction), a weekly private event each and a weekly team meeting per ten.
 */
async function seedBusyDesk(
  host: ApiHost,
  staffIds: string[],
  clientIds: string[],
  today: string,
  busy: { days: number; appointmentsPerDay: number },
  log: (line: string) => void,
): Promise<NonNullable<SeededAgenda['busy']>> {
  const call = benchCaller(host);
  const random = demoRandom(5);
  const started = performance.now();
  const from = addDays(today, -Math.floor(busy.days / 2));
  const to = addDays(from, busy.days - 1);
  const until = { kind: 'until' as const, date: to };
  const serviceIds: string[] = [];
  for (const [name, durationMin] of [['Corte', 30], ['Color', 60], ['Manicura', 45], ['Limpieza facial', 50]] as const) {
    serviceIds.push((await call('services.create', { name, durationMin, priceMinor: 3000 })).id);
  }
  for (const [i, staffId] of staffIds.entries()) {
    await call('schedules.create', {
      staffId,
      name: 'Citas',
      durationMin: [30, 45, 60][i % 3]!,
      bufferBeforeMin: 0,
      bufferAfterMin: i % 4 === 0 ? 10 : 0,
      leadTimeMin: 0,
      horizonDays: 90,
      serviceIds: [serviceIds[i % serviceIds.length]!],
      ranges: salonHours,
    });
    await call('series.create', { kind: 'private', title: 'Médico', organizerId: staffId, startDate: from, startTime: '14:00', durationMin: 60, recurrence: { weekdays: [1 + (i % 5)], intervalWeeks: 1, end: until } });
    if (i % 10 === 0) {
      await call('series.create', { kind: 'meeting', title: `Reunión de equipo ${i / 10 + 1}`, organizerId: staffId, startDate: from, startTime: '08:30', durationMin: 30, recurrence: { weekdays: [1, 4], intervalWeeks: 1, end: until } });
    }
  }
  const schedules = await call('schedules.list', {});
  const workingDays = Math.round((busy.days * 6) / 7);
  const chosen = chooseAppointments(host.database.sqlite, { schedules, from, to, random, wanted: staffIds.length * workingDays * busy.appointmentsPerDay });
  insertAppointments(host.database.sqlite, chosen, { clientIds, random, nowMs: Date.now() });
  log(`${chosen.length.toLocaleString('en')} appointments, ${staffIds.length} weekly private events and meetings from ${from} to ${to} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { from, to, appointments: chosen.length };
}
