import type Sqlite from 'better-sqlite3';
import type { AppointmentSchedule, ScheduleException, WeeklyRange } from '../../src-shared/domain/appointments';
import type { ApiHost } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { hoursBetween } from '../../src-main/engine/appointments/day-hours';
import type { BusyInterval, ComputedSlot } from '../../src-main/engine/appointments/free-slots';
import { freeSlots } from '../../src-main/engine/appointments/free-slots';
import { newId } from '../../src-main/engine/ids';
import { localDate } from '../../src-main/engine/time/local-date';
import { addDays, instantToLocal } from '../../src-main/engine/time/local-time';
import { benchCaller } from './bench-db';
import { seedClients } from './seed-clients';

export const benchTimeZone = 'Europe/Madrid';

export interface SeededAppointments {
  staffIds: string[];
  clientIds: string[];
  /** Offered by every professional's schedule: the "any professional" service. */
  commonServiceId: string;
  schedules: AppointmentSchedule[];
  today: string;
  appointments: number;
  occurrences: number;
}

const MINUTE_MS = 60_000;
/** Mon–Sat, a morning and an afternoon range. */
const weekly: WeeklyRange[] = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, start: '09:00', end: '14:00' },
  { weekday, start: '15:00', end: '20:00' },
]);

/**
 * 40 professionals (or `professionals`), each with an appointment schedule (30–60 min, some with buffers), a weekly private
 * event, every other one a weekly class, a few days off and centre holidays — all through the API — and
 * then `appointments` appointments over 3 years (≈ 30 months back, 6 ahead) inserted with one prepared
 * statement in one transaction. Their times come from the slot engine (so they sit on free slots, DST-correct,
 * never overlapping with buffers); the past ones are mostly attended, a share are cancelled.
 */
export async function seedAppointments(
  host: ApiHost,
  // `professionals`: 40 unless told (the 10× centre has 400); each brings its schedule, series and exceptions.
  options: { clients: number; appointments: number; professionals?: number; log: (line: string) => void },
): Promise<SeededAppointments> {
  const call = benchCaller(host);
  const random = demoRandom(4);
  await call('settings.update', { timeZone: benchTimeZone });
  await seedClients(host, options.clients);
  const sqlite: Sqlite.Database = host.database.sqlite;
  const clientIds = sqlite.prepare('SELECT id FROM clients WHERE blacklisted = 0').pluck().all() as string[];

  const today = localDate(new Date(), benchTimeZone);
  const from = addDays(today, -910);
  const to = addDays(today, 185);
  const started = performance.now();

  const serviceIds: string[] = [];
  for (const [name, durationMin] of [
    ['Consulta', 45],
    ['Masaje', 60],
    ['Fisioterapia', 45],
    ['Limpieza facial', 50],
    ['Manicura', 30],
    ['Asesoría nutricional', 60],
  ] as const) {
    serviceIds.push((await call('services.create', { name, durationMin, priceMinor: 3000 })).id);
  }
  const commonServiceId = serviceIds[0]!;

  const staffIds: string[] = [];
  for (let i = 0; i < (options.professionals ?? 40); i++) {
    staffIds.push((await call('staff.create', { name: `Profesional ${String(i + 1).padStart(2, '0')}`, role: 'professional' })).id);
  }
  for (const [i, staffId] of staffIds.entries()) {
    const buffered = i % 3 === 0;
    await call('schedules.create', {
      staffId,
      name: 'Citas',
      durationMin: [30, 45, 60][i % 3]!,
      bufferBeforeMin: buffered ? 5 : 0,
      bufferAfterMin: buffered ? 10 : 0,
      leadTimeMin: 60,
      horizonDays: 90,
      serviceIds: [commonServiceId, serviceIds[1 + (i % 5)]!],
      ranges: weekly,
    });
  }
  const schedules = await call('schedules.list', {});

  // What else keeps them busy: a weekly private event each, a weekly class every other one.
  for (const [i, staffId] of staffIds.entries()) {
    const until = { kind: 'until' as const, date: to };
    await call('series.create', { kind: 'private', title: 'Formación', organizerId: staffId, startDate: from, startTime: '12:00', durationMin: 60, recurrence: { weekdays: [3], intervalWeeks: 1, end: until } });
    if (i % 2 === 0) {
      await call('series.create', { title: `Clase ${i}`, organizerId: staffId, startDate: from, startTime: '18:00', durationMin: 60, places: 8, recurrence: { weekdays: [2, 4], intervalWeeks: 1, end: until } });
    }
  }
  // Centre holidays and days off / shorter days, in the past and the weeks to come.
  for (let d = 0; d < 30; d++) await call('holidays.set', { date: addDays(from, 7 + d * 36), name: `Festivo ${d + 1}` });
  for (const staffId of staffIds) {
    for (let k = 0; k < 4; k++) {
      const date = addDays(today, random.int(-300, 80));
      const dayOff = random.chance(0.5);
      const input = { staffId, date, kind: dayOff ? ('day_off' as const) : ('hours' as const), ...(dayOff ? {} : { ranges: [{ start: '10:00', end: '14:00' }] }) };
      await call('schedules.setException', input);
    }
  }
  options.log(`catalogue, ${staffIds.length} schedules, ${staffIds.length + Math.ceil(staffIds.length / 2)} series, holidays and exceptions through the API in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const chosen = chooseAppointments(sqlite, { schedules, from, to, random, wanted: options.appointments });
  const insertStart = performance.now();
  insertAppointments(sqlite, chosen, { clientIds, random, nowMs: Date.now() });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('optimize');
  options.log(`${chosen.length.toLocaleString('en')} appointments inserted in ${((performance.now() - insertStart) / 1000).toFixed(1)} s`);

  return {
    staffIds,
    clientIds,
    commonServiceId,
    schedules,
    today,
    appointments: Number(sqlite.prepare('SELECT count(*) FROM appointments').pluck().get()),
    occurrences: Number(sqlite.prepare('SELECT count(*) FROM occurrences').pluck().get()),
  };
}

export interface Chosen {
  schedule: AppointmentSchedule;
  serviceId: string;
  slot: ComputedSlot;
}

/**
 * Free slots of every schedule over the whole window (the engine, with the occurrences as busy time),
 * taken greedily at random so that no two overlap with their buffers; then thinned to exactly `wanted`.
 */
export function chooseAppointments(
  sqlite: Sqlite.Database,
  p: { schedules: AppointmentSchedule[]; from: string; to: string; random: ReturnType<typeof demoRandom>; wanted: number },
): Chosen[] {
  const occurrences = sqlite
    .prepare("SELECT o.organizer_id AS staffId, o.starts_at AS startsAt, o.ends_at AS endsAt FROM occurrences o JOIN series s ON s.id = o.series_id WHERE s.kind != 'reminder' AND o.status = 'scheduled' ORDER BY o.starts_at")
    .all() as { staffId: string; startsAt: string; endsAt: string }[];
  const exceptions = sqlite.prepare('SELECT staff_id AS staffId, schedule_id AS scheduleId, date, kind, ranges FROM schedule_exceptions').all() as (Omit<ScheduleException, 'ranges' | 'id' | 'note'> & {
    ranges: string;
  })[];
  const holidays = new Set(sqlite.prepare('SELECT date FROM centre_holidays').pluck().all() as string[]);

  const perSchedule = p.schedules.map((schedule) => {
    const busy: BusyInterval[] = occurrences.filter((o) => o.staffId === schedule.staffId).map((o) => ({ from: Date.parse(o.startsAt), to: Date.parse(o.endsAt) }));
    const days = hoursBetween(p.from, p.to, {
      scheduleId: schedule.id,
      weekly: schedule.ranges,
      exceptions: exceptions.filter((e) => e.staffId === schedule.staffId).map((e) => ({ ...e, ranges: JSON.parse(e.ranges) as { start: string; end: string }[] })),
      holidays,
    });
    const slots = freeSlots({
      timeZone: benchTimeZone,
      days,
      durationMin: schedule.durationMin,
      bufferBeforeMin: schedule.bufferBeforeMin,
      bufferAfterMin: schedule.bufferAfterMin,
      stepMin: 15,
      earliestStartMs: 0,
      lastDate: p.to,
      busy,
    });
    return { schedule, slots };
  });
  const candidates = perSchedule.reduce((n, s) => n + s.slots.length, 0);
  // Step 15 gives ~4 candidates per fitting slot: aim a little above `wanted`, then thin.
  const chance = Math.min(0.95, (p.wanted / candidates) * 5);
  const chosen: Chosen[] = [];
  for (const { schedule, slots } of perSchedule) {
    let freeFrom = -Infinity;
    for (const slot of slots) {
      if (slot.startMs - schedule.bufferBeforeMin * MINUTE_MS < freeFrom || !p.random.chance(chance)) continue;
      chosen.push({ schedule, serviceId: p.random.pick(schedule.serviceIds), slot });
      freeFrom = slot.endMs + schedule.bufferAfterMin * MINUTE_MS;
    }
  }
  if (chosen.length < p.wanted) throw new Error(`only ${chosen.length} appointment times found for ${p.wanted}`);
  // Thin at random (a partial Fisher–Yates) down to exactly `wanted`; dropping never makes an overlap.
  for (let i = 0; i < p.wanted; i++) {
    const j = p.random.int(i, chosen.length - 1);
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
  }
  return chosen.slice(0, p.wanted);
}

export function insertAppointments(sqlite: Sqlite.Database, chosen: readonly Chosen[], p: { clientIds: string[]; random: ReturnType<typeof demoRandom>; nowMs: number }): void {
  const insert = sqlite.prepare(`
    INSERT INTO appointments (id, client_id, staff_id, service_id, schedule_id, starts_at, ends_at, local_date, local_start, local_end,
      buffer_before_min, buffer_after_min, blocked_from, blocked_until, status, overridden, source, note, cancel_reason, cancelled_at,
      checked_in_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?)`);
  const { random } = p;
  sqlite.transaction(() => {
    for (const { schedule, serviceId, slot } of chosen) {
      const past = slot.startMs < p.nowMs;
      const cancelled = random.chance(0.07);
      const status = cancelled ? 'cancelled' : past ? (random.chance(0.9) ? 'attended' : 'no_show') : 'booked';
      const startsAt = new Date(slot.startMs).toISOString();
      // Booked a week or two before, never after now.
      const createdAt = new Date(Math.min(p.nowMs, slot.startMs - random.int(1, 20) * 86_400_000)).toISOString();
      const doneAt = cancelled || status === 'attended' ? new Date(Math.min(p.nowMs, slot.startMs)).toISOString() : null;
      insert.run(
        newId(),
        random.pick(p.clientIds),
        schedule.staffId,
        serviceId,
        schedule.id,
        startsAt,
        new Date(slot.endMs).toISOString(),
        slot.localDate,
        slot.localStart,
        instantToLocal(new Date(slot.endMs), benchTimeZone).time,
        schedule.bufferBeforeMin,
        schedule.bufferAfterMin,
        new Date(slot.startMs - schedule.bufferBeforeMin * MINUTE_MS).toISOString(),
        new Date(slot.endMs + schedule.bufferAfterMin * MINUTE_MS).toISOString(),
        status,
        random.chance(0.25) ? 'client' : 'desk',
        cancelled ? 'Bench' : null,
        cancelled ? doneAt : null,
        status === 'attended' ? doneAt : null,
        createdAt,
        doneAt ?? createdAt,
      );
    }
  })();
}
