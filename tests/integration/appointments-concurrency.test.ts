import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { runWorkers } from '../helpers/spawn-workers';
import type { AppointmentWorkerInput, AppointmentWorkerReport } from './appointments-concurrency-worker';
import { everyDay } from './appointment-world';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

const opsPerWorker = 100;
/** Refusals a desk can act on; anything else (internal, database_busy) fails the test. */
const expectedRefusals = new Set(['slot_taken', 'outside_hours', 'invalid_status_change']);

interface Row {
  id: string;
  staff_id: string;
  status: string;
  starts_at: string;
  ends_at: string;
  blocked_from: string;
  blocked_until: string;
  buffer_before_min: number;
  buffer_after_min: number;
  overridden: string | null;
}

describe('several desks booking appointments at once', () => {
  it('never give two clients overlapping time of one professional (buffers included) unless overridden', async () => {
    const serviceId = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 })).id;
    const staffIds: string[] = [];
    for (const name of ['Ana', 'Bea', 'Carla']) {
      const staffId = (await api.call('staff.create', { name, role: 'professional' })).id;
      staffIds.push(staffId);
      await api.call('schedules.create', {
        staffId,
        name: 'Citas',
        durationMin: 30,
        bufferBeforeMin: 10,
        bufferAfterMin: 5,
        serviceIds: [serviceId],
        ranges: everyDay(['09:00', '14:00']),
      });
    }
    const clientIds: string[] = [];
    for (let i = 0; i < 12; i++) clientIds.push((await api.call('clients.create', { firstName: `C${i}` })).client.id);
    const dates = [dayFromToday(2), dayFromToday(3), dayFromToday(4)];

    const reports = await runWorkers<AppointmentWorkerInput, AppointmentWorkerReport>(join(import.meta.dirname, 'appointments-concurrency-worker.ts'), {
      dbPath: api.path,
      ops: opsPerWorker,
      input: { staffIds, clientIds, dates, serviceId },
    });

    // Every refusal is a clean one the desk can act on: no internal errors, no busy database.
    const refusals = reports.flatMap((r) => Object.keys(r.refusals));
    expect(refusals.filter((code) => !expectedRefusals.has(code))).toEqual([]);
    expect(reports.reduce((n, r) => n + (r.refusals.slot_taken ?? 0), 0)).toBeGreaterThan(0);

    const sqlite = api.host.database.sqlite;
    const rows = sqlite.prepare('SELECT id, staff_id, status, starts_at, ends_at, blocked_from, blocked_until, buffer_before_min, buffer_after_min, overridden FROM appointments').all() as Row[];
    // No lost writes: every appointment a worker was told about exists, exactly once, and nothing else.
    const created = reports.flatMap((r) => r.created);
    expect(new Set(created).size).toBe(created.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(created));
    for (const id of reports.flatMap((r) => r.cancelled)) expect(rows.find((r) => r.id === id)?.status).toBe('cancelled');
    expect(created.length).toBeGreaterThan(30);
    expect(reports.reduce((n, r) => n + r.rescheduled, 0)).toBeGreaterThan(0);
    expect(reports.reduce((n, r) => n + r.overridden, 0)).toBeGreaterThan(0);

    // Each row's blocked time is its time plus the buffers it was booked with.
    const minute = 60_000;
    for (const r of rows) {
      expect(Date.parse(r.blocked_from)).toBe(Date.parse(r.starts_at) - r.buffer_before_min * minute);
      expect(Date.parse(r.blocked_until)).toBe(Date.parse(r.ends_at) + r.buffer_after_min * minute);
    }

    // The invariant, in SQL: no two live appointments of one professional overlap, unless one was booked over a busy time.
    const clashes = sqlite
      .prepare(
        `SELECT a.id AS a, b.id AS b FROM appointments a JOIN appointments b ON a.staff_id = b.staff_id AND a.id < b.id
          WHERE a.status != 'cancelled' AND b.status != 'cancelled'
            AND a.blocked_from < b.blocked_until AND b.blocked_from < a.blocked_until
            AND NOT (coalesce(a.overridden, '') LIKE '%"busy"%' OR coalesce(b.overridden, '') LIKE '%"busy"%')`,
      )
      .all();
    expect(clashes).toEqual([]);
    // The slots agree: a live appointment's time is never offered.
    const live = rows.filter((r) => r.status !== 'cancelled');
    for (const staffId of staffIds) {
      const slots = await api.call('slots.find', { serviceId, staffId, from: dates[0]!, to: dates[2]! });
      for (const slot of slots) {
        const start = Date.parse(slot.startsAt);
        const taken = live.some((r) => r.staff_id === staffId && Date.parse(r.blocked_from) < start + 35 * minute && start - 10 * minute < Date.parse(r.blocked_until));
        expect(taken).toBe(false);
      }
    }
  }, 60_000);
});
