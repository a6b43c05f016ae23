import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TablesChanged } from '../../src-shared/api/result';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';
import type { AgendaWorld } from '../helpers/agenda-fixtures';
import { agendaWorld, createSeries, occurrencesOf } from '../helpers/agenda-fixtures';

/** The commit path keeps queries built once and tells a commit's tables without reading the feed again: both must stay exact. */
let api: TempApi;
let world: AgendaWorld;
beforeEach(async () => {
  api = await openTempApi();
  world = await agendaWorld(api, 3);
});
afterEach(async () => {
  await api.close();
});

describe('queries built once', () => {
  it('answer each call with its own parameters, and audit each write with its own entry', async () => {
    const first = await createSeries(api, world.ana, { places: 4 });
    const second = await createSeries(api, world.ana, { places: 4 });
    const [a, b] = [occurrencesOf(api, first.series.id)[0]!.id, occurrencesOf(api, second.series.id)[0]!.id];
    const one = await api.call('sessions.book', { occurrenceId: a, clientId: world.clients[0]! });
    const two = await api.call('sessions.book', { occurrenceId: b, clientId: world.clients[1]! });
    expect(one).toMatchObject({ occurrenceId: a, clientId: world.clients[0], clientName: 'Cliente 01', status: 'booked' });
    expect(two).toMatchObject({ occurrenceId: b, clientId: world.clients[1], clientName: 'Cliente 02', status: 'booked' });
    // The same client again in the same session: the live-booking check sees this pair, not the last one asked.
    expect((await api.refuse('sessions.book', { occurrenceId: a, clientId: world.clients[0]! })).code).toBe('already_booked');
    expect((await api.call('sessions.book', { occurrenceId: a, clientId: world.clients[1]! })).clientId).toBe(world.clients[1]);

    const audit = api.host.database.sqlite
      .prepare("SELECT entity_id, subject_client_id, changes, synced_at FROM change_log WHERE call = 'sessions.book' ORDER BY rowid")
      .all() as { entity_id: string; subject_client_id: string; changes: string; synced_at: null }[];
    expect(audit.map((r) => r.entity_id)).toEqual([one.id, two.id, expect.any(String)]);
    expect(audit[1]).toMatchObject({ subject_client_id: world.clients[1], synced_at: null });
    expect(JSON.parse(audit[1]!.changes)).toMatchObject({ occurrenceId: b, clientId: world.clients[1], status: 'booked' });
  });
});

describe('tables changed by a commit', () => {
  it("tells another process's commit with the next own one when no poll came between, then only its own", async () => {
    const told: TablesChanged[] = [];
    api.host.onTablesChanged((change) => told.push(change));
    const other = await openTempApiIn(api.dir);
    const tag = await other.host.invoke('tags.create', { name: 'VIP' });
    expect(tag.ok).toBe(true);
    // No watchOtherWriters() here: the own commit must still carry the other process's tags.
    await api.call('clients.create', { firstName: 'Eva', tagIds: [] });
    expect(told.at(-1)?.tables).toEqual(expect.arrayContaining(['tags', 'clients', 'change_log']));
    await api.call('clients.create', { firstName: 'Leo', tagIds: [] });
    expect(told.at(-1)?.tables).toEqual(['change_log', 'clients']);
    expect(told.at(-1)!.seq).toBeGreaterThan(told.at(-2)!.seq);
    await other.host.database.close();
  });
});
