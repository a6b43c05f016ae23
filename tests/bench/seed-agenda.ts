import type Sqlite from 'better-sqlite3';
import type { ApiHost } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { newId } from '../../src-main/engine/ids';
import { addDays } from '../../src-main/engine/time/local-time';
import { benchCaller } from './bench-db';
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
}

const titles = ['Pilates', 'Yoga', 'Hatha yoga', 'Pilates máquina', 'Barre', 'Estiramientos', 'Yoga prenatal', 'Core', 'Meditación', 'Pilates suelo'];
const times = ['07:30', '08:00', '09:00', '09:30', '10:00', '11:00', '12:00', '13:00', '16:00', '17:00', '17:30', '18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00'];

/**
 * 40 professionals, 200 recurring series over 3 years (18 months back, 18 ahead) created through the
 * API (the engine materialises their occurrences), then `bookingCount` bookings inserted with
 * prepared statements in one transaction, following the booking rules (places, waitlist positions;
 * past ones attended / no-show, a share cancelled).
 */
export async function seedAgenda(host: ApiHost, options: { clients: number; bookings: number; log: (line: string) => void }): Promise<SeededAgenda> {
  const call = benchCaller(host);
  const random = demoRandom(3);
  const seededClients = await seedClients(host, options.clients);
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
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  options.log(`${options.bookings.toLocaleString('en')} bookings inserted in ${((performance.now() - bookingStart) / 1000).toFixed(1)} s`);

  return {
    staffIds,
    clientIds,
    tagIds: seededClients.tagIds,
    from,
    to,
    upcoming: occurrenceRows.filter((o) => o.starts_at > now).map((o) => ({ id: o.id, places: o.places })),
    livePairs,
    occurrences: Number(sqlite.prepare('SELECT count(*) FROM occurrences').pluck().get()),
    bookings: Number(sqlite.prepare('SELECT count(*) FROM bookings').pluck().get()),
  };
}
