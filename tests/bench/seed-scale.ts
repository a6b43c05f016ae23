import type Sqlite from 'better-sqlite3';
import type { AppointmentSchedule } from '../../src-shared/domain/appointments';
import type { ApiHost } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { newId } from '../../src-main/engine/ids';
import { localDate } from '../../src-main/engine/time/local-date';
import { addDays } from '../../src-main/engine/time/local-time';
import { setCentreFiscal } from '../helpers/fiscal-data';
import { benchCaller } from './bench-db';
import { benchTimeZone, chooseAppointments, insertAppointments } from './seed-appointments';
import { seedCheckout, type SeededCheckout } from './seed-checkout';

export interface SeededScale {
  factor: number;
  staffIds: string[];
  clientIds: string[];
  commonServiceId: string;
  schedules: AppointmentSchedule[];
  checkout: SeededCheckout;
  today: string;
  /** First and last local dates of the history (18 months back, 18 ahead). */
  from: string;
  to: string;
  upcoming: { id: string; places: number | null }[];
  livePairs: Set<string>;
  /** Seconds per step, for the report. */
  timings: Record<string, number>;
  counts: Record<string, number>;
}

/** Tables the seed fills in bulk: their secondary indexes are dropped first and rebuilt once at the end. */
const bulkTables = ['clients', 'client_custom_values', 'client_tags', 'bookings', 'appointments', 'sales', 'sale_lines', 'sale_payments', 'promo_redemptions', 'client_passes', 'credit_ledger'];

const titles = ['Pilates', 'Yoga', 'Hatha yoga', 'Pilates máquina', 'Barre', 'Estiramientos', 'Yoga prenatal', 'Core', 'Meditación', 'Pilates suelo'];
const times = ['07:30', '08:00', '09:00', '09:30', '10:00', '11:00', '12:00', '13:00', '16:00', '17:00', '17:30', '18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00'];
const weekly = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, start: '09:00', end: '14:00' },
  { weekday, start: '15:00', end: '20:00' },
]);

/**
 * A centre `factor` times the 1× benches: 100,000×f clients, 40×f professionals with schedules and
 * 200×f session series (plus their private events and classes), 150,000×f appointments and
 * 150,000×f bookings over 3 years (18 months back, 18 ahead), and the checkout history
 * (50,000×f sales, passes). Catalogue, staff and series go through the API (the engine expands the
 * recurrences); the bulk rows are inserted like the 1× seeds, with the feed paused and the bulk
 * tables' secondary indexes dropped, then rebuilt from their own SQL, then ANALYZE / optimize.
 */
export async function seedScale(host: ApiHost, factor: number, log: (line: string) => void): Promise<SeededScale> {
  const call = benchCaller(host);
  const sqlite: Sqlite.Database = host.database.sqlite;
  const random = demoRandom(15);
  const timings: Record<string, number> = {};
  const step = async <T>(label: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await run();
    timings[label] = Math.round((performance.now() - start) / 100) / 10;
    log(`${label}: ${timings[label]} s`);
    return value;
  };

  // Paused like sync apply pauses it: millions of seeded rows are not local edits to push.
  sqlite.prepare("INSERT INTO feed_paused (reason) VALUES ('bench-scale')").run();
  await call('settings.update', { timeZone: benchTimeZone });
  await setCentreFiscal(host);
  const today = localDate(new Date(), benchTimeZone);
  const from = addDays(today, -548);
  const to = addDays(today, 548);
  const staffCount = 40 * factor;

  const { staffIds, commonServiceId } = await step('staff, services, schedules (API)', async () => {
    const serviceIds: string[] = [];
    // No 'Manicura' here: seedCheckout's catalogue has one.
    for (const [name, durationMin] of [['Consulta', 45], ['Masaje', 60], ['Fisioterapia', 45], ['Limpieza facial', 50], ['Pedicura', 30], ['Asesoría nutricional', 60]] as const) {
      serviceIds.push((await call('services.create', { name, durationMin, priceMinor: 3000 })).id);
    }
    const ids: string[] = [];
    for (let i = 0; i < staffCount; i++) ids.push((await call('staff.create', { name: `Profesional ${String(i + 1).padStart(3, '0')}`, role: i === 0 ? 'owner' : 'professional' })).id);
    for (const [i, staffId] of ids.entries()) {
      const buffered = i % 3 === 0;
      await call('schedules.create', {
        staffId,
        name: 'Citas',
        durationMin: [30, 45, 60][i % 3]!,
        bufferBeforeMin: buffered ? 5 : 0,
        bufferAfterMin: buffered ? 10 : 0,
        leadTimeMin: 60,
        horizonDays: 90,
        serviceIds: [serviceIds[0]!, serviceIds[1 + (i % 5)]!],
        ranges: weekly,
      });
    }
    return { staffIds: ids, commonServiceId: serviceIds[0]! };
  });
  const schedules = await call('schedules.list', {});

  await step(`${200 * factor} session series + private events and classes (API)`, async () => {
    const typeIds: string[] = [];
    for (const name of titles.slice(0, 6)) typeIds.push((await call('sessionTypes.create', { name, defaultDurationMin: 60, defaultPlaces: 12 })).id);
    for (let i = 0; i < 200 * factor; i++) {
      const dayCount = random.int(1, 3);
      const weekdays = new Set<number>();
      while (weekdays.size < dayCount) weekdays.add(random.int(1, 6));
      await call('series.create', {
        title: `${random.pick(titles)} ${i + 1}`,
        organizerId: staffIds[i % staffIds.length]!,
        sessionTypeId: random.chance(0.7) ? random.pick(typeIds) : null,
        startDate: addDays(from, random.int(0, 30)),
        startTime: random.pick(times),
        durationMin: random.pick([45, 55, 60, 60, 75, 90]),
        places: random.int(8, 20),
        recurrence: { weekdays: [...weekdays], intervalWeeks: random.chance(0.9) ? 1 : 2, end: { kind: 'until', date: addDays(to, -random.int(0, 30)) } },
        redeemableWithPasses: random.chance(0.5),
      });
    }
    // What else keeps them busy, as seed-appointments: a weekly private event each, a class every other one.
    for (const [i, staffId] of staffIds.entries()) {
      const until = { kind: 'until' as const, date: to };
      await call('series.create', { kind: 'private', title: 'Formación', organizerId: staffId, startDate: from, startTime: '12:00', durationMin: 60, recurrence: { weekdays: [3], intervalWeeks: 1, end: until } });
      if (i % 2 === 0) await call('series.create', { title: `Clase ${i}`, organizerId: staffId, startDate: from, startTime: '18:00', durationMin: 60, places: 8, recurrence: { weekdays: [2, 4], intervalWeeks: 1, end: until } });
    }
    for (let d = 0; d < 30; d++) await call('holidays.set', { date: addDays(from, 7 + d * 36), name: `Festivo ${d + 1}` });
    for (const staffId of staffIds) {
      for (let k = 0; k < 4; k++) {
        const dayOff = random.chance(0.5);
        await call('schedules.setException', { staffId, date: addDays(today, random.int(-300, 80)), kind: dayOff ? 'day_off' : 'hours', ...(dayOff ? {} : { ranges: [{ start: '10:00', end: '14:00' }] }) });
      }
    }
  });

  // Read from the file itself, so they come back exactly as the migrations made them.
  const placeholders = bulkTables.map(() => '?').join(', ');
  const indexes = sqlite.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})`).all(...bulkTables) as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
  log(`dropped ${indexes.length} secondary indexes of ${bulkTables.length} bulk tables`);

  // Clients and the sales history (seedCheckout signs the desk in as reception: the API calls above come first).
  const checkout = await step(`${(100_000 * factor).toLocaleString('en')} clients + ${(50_000 * factor).toLocaleString('en')} sales`, () =>
    seedCheckout(host, { clients: 100_000 * factor, sales: 50_000 * factor, buyers: 640, log }),
  );
  const clientIds = sqlite.prepare('SELECT id FROM clients WHERE blacklisted = 0').pluck().all() as string[];

  await step(`${(150_000 * factor).toLocaleString('en')} appointments`, () => {
    // 40 schedules at a time: the slot engine's candidates for 400 schedules over 3 years would not fit comfortably.
    const nowMs = Date.now();
    for (let i = 0; i < schedules.length; i += 40) {
      const chunk = schedules.slice(i, i + 40);
      const wanted = Math.round((150_000 * factor * chunk.length) / schedules.length);
      insertAppointments(sqlite, chooseAppointments(sqlite, { schedules: chunk, from, to, random, wanted }), { clientIds, random, nowMs });
    }
  });

  const occurrenceRows = sqlite
    .prepare("SELECT o.id, o.places, o.starts_at FROM occurrences o JOIN series s ON s.id = o.series_id WHERE s.kind = 'session' AND o.status = 'scheduled'")
    .all() as { id: string; places: number | null; starts_at: string }[];
  const livePairs = new Set<string>();
  await step(`${(150_000 * factor).toLocaleString('en')} bookings`, () => insertBookings(sqlite, { occurrenceRows, clientIds, wanted: 150_000 * factor, livePairs, random }));

  await step(`rebuild ${indexes.length} indexes`, () => {
    for (const { sql } of indexes) sqlite.exec(sql);
  });
  sqlite.prepare("DELETE FROM feed_paused WHERE reason = 'bench-scale'").run();
  await step('ANALYZE + optimize + checkpoint', () => {
    sqlite.exec('ANALYZE');
    sqlite.pragma('optimize');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  });

  const count = (table: string) => Number(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  const counts = Object.fromEntries(['clients', 'staff', 'series', 'occurrences', 'bookings', 'appointments', 'sales', 'client_passes', 'credit_ledger', 'feed'].map((t) => [t, count(t)]));
  const now = new Date().toISOString();
  return {
    factor,
    staffIds,
    clientIds,
    commonServiceId,
    schedules,
    checkout,
    today,
    from,
    to,
    upcoming: occurrenceRows.filter((o) => o.starts_at > now).map((o) => ({ id: o.id, places: o.places })),
    livePairs,
    timings,
    counts,
  };
}

/** Bookings by the rules, as seed-agenda makes them: places held, waitlist positions in order, past ones attended or no-show, a share cancelled. */
function insertBookings(
  sqlite: Sqlite.Database,
  p: { occurrenceRows: { id: string; places: number | null; starts_at: string }[]; clientIds: string[]; wanted: number; livePairs: Set<string>; random: ReturnType<typeof demoRandom> },
): void {
  const { random, occurrenceRows, clientIds } = p;
  const now = new Date().toISOString();
  const insert = sqlite.prepare(`
    INSERT INTO bookings (id, occurrence_id, client_id, status, waitlist_position, over_places, source, booked_by, cancelled_at, checked_in_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 0, ?, NULL, ?, ?, ?, ?)`);
  const state = new Map<string, { held: number; waiting: number }>();
  sqlite.transaction(() => {
    let made = 0;
    while (made < p.wanted) {
      const occurrence = occurrenceRows[random.int(0, occurrenceRows.length - 1)]!;
      let s = state.get(occurrence.id);
      if (!s) state.set(occurrence.id, (s = { held: 0, waiting: 0 }));
      const clientId = clientIds[random.int(0, clientIds.length - 1)]!;
      const pair = `${occurrence.id} ${clientId}`;
      if (p.livePairs.has(pair)) continue;
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
      if (status !== 'cancelled') p.livePairs.add(pair);
      const at = past ? occurrence.starts_at : now;
      insert.run(newId(), occurrence.id, clientId, status, position, random.chance(0.2) ? 'client' : 'desk', status === 'cancelled' ? at : null, status === 'attended' ? at : null, at, at);
      made += 1;
    }
  })();
}
