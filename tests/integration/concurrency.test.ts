import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { createSeries, occurrencesOf } from '../helpers/agenda-fixtures';
import { runWorkers } from '../helpers/spawn-workers';
import type { WorkerInput, WorkerReport } from './concurrency-worker';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

const opsPerWorker = 120;
const expectedRefusals = new Set(['already_booked', 'no_free_place', 'not_waitlisted', 'invalid_status_change']);

describe('several desks booking the same sessions at once', () => {
  it('never overbook, keep waitlists gap-free and lose no write', async () => {
    const organizerId = (await api.call('staff.create', { name: 'Ana', role: 'professional' })).id;
    const clientIds: string[] = [];
    for (let i = 0; i < 16; i++) clientIds.push((await api.call('clients.create', { firstName: `C${i}` })).client.id);
    const occurrenceIds: string[] = [];
    for (const places of [1, 2, 3]) {
      const { series } = await createSeries(api, organizerId, { title: `P${places}`, places });
      occurrenceIds.push(occurrencesOf(api, series.id)[0]!.id);
    }

    const reports = await runWorkers<WorkerInput, WorkerReport>(join(import.meta.dirname, 'concurrency-worker.ts'), {
      dbPath: api.path,
      ops: opsPerWorker,
      input: { occurrenceIds, clientIds },
    });

    const sqlite = api.host.database.sqlite;
    // Every refusal is one the desk can act on: no internal errors, no busy database.
    const refusals = reports.flatMap((r) => Object.keys(r.refusals));
    expect(refusals.filter((code) => !expectedRefusals.has(code))).toEqual([]);

    // No lost writes: every booking a worker was told about exists, exactly once.
    const created = reports.flatMap((r) => r.created);
    expect(new Set(created).size).toBe(created.length);
    const stored = new Set(sqlite.prepare('SELECT id FROM bookings').pluck().all() as string[]);
    expect(stored.size).toBe(created.length);
    for (const id of created) expect(stored.has(id)).toBe(true);
    const cancelled = reports.flatMap((r) => r.cancelled);
    for (const id of cancelled) expect(sqlite.prepare('SELECT status FROM bookings WHERE id = ?').pluck().get(id)).toBe('cancelled');
    expect(created.length).toBeGreaterThan(20);
    expect(cancelled.length).toBeGreaterThan(0);

    for (const occurrenceId of occurrenceIds) {
      const places = sqlite.prepare('SELECT places FROM occurrences WHERE id = ?').pluck().get(occurrenceId) as number;
      const rows = sqlite.prepare('SELECT client_id, status, waitlist_position, over_places FROM bookings WHERE occurrence_id = ?').all(occurrenceId) as {
        client_id: string;
        status: string;
        waitlist_position: number | null;
        over_places: number;
      }[];
      // Every booking in exactly one state, with a position exactly when it waits.
      for (const row of rows) {
        expect(['booked', 'waitlisted', 'attended', 'no_show', 'cancelled']).toContain(row.status);
        expect(row.waitlist_position !== null).toBe(row.status === 'waitlisted');
      }
      const held = rows.filter((r) => ['booked', 'attended', 'no_show'].includes(r.status));
      expect(held.filter((r) => r.over_places === 0).length).toBeLessThanOrEqual(places);
      const positions = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlist_position!).sort((a, b) => a - b);
      expect(positions).toEqual(positions.map((_, i) => i + 1));
      // One live booking per client.
      const live = rows.filter((r) => r.status !== 'cancelled').map((r) => r.client_id);
      expect(new Set(live).size).toBe(live.length);
      // The agenda's counts agree with the rows.
      const detail = await api.call('sessions.get', { occurrenceId });
      expect(detail.occurrence.bookedCount).toBe(held.length);
      expect(detail.occurrence.waitlistCount).toBe(positions.length);
      expect(detail.waitlist.map((b) => b.waitlistPosition)).toEqual(positions);
    }
  }, 30_000);
});
