import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { client, fakeDesk, insert, remove, tag, update } from './cloud-fixtures';

describeCloud('sync server: how two desks\' changes to the same rows merge', () => {
  let cloud: TestCloud;
  let a: ReturnType<typeof fakeDesk>;
  let b: ReturnType<typeof fakeDesk>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    a = fakeDesk(cloud.url, await cloud.newDeskKey('A'), 'merge-a');
    b = fakeDesk(cloud.url, await cloud.newDeskKey('B'), 'merge-b');
    await a.pushOk([insert('clients', client('m1'), 'm1'), insert('tags', tag('t1', 'VIP')), insert('tags', tag('t2', 'Nuevo'))]);
  });
  afterAll(async () => {
    await cloud?.close();
  });

  const clientRow = async (id: string) => (await serverRows(cloud.pool, cloud.centreId)).clients?.find((r) => r.id === id);

  it('keeps, per column, the change the server applied last', async () => {
    await a.pushOk([update('clients', 'm1', { phone: '+34 A', email: 'a@example.com' }, 'm1')]);
    await b.pushOk([update('clients', 'm1', { phone: '+34 B', city: 'Madrid' }, 'm1')]);
    expect(await clientRow('m1')).toMatchObject({ phone: '+34 B', email: 'a@example.com', city: 'Madrid', first_name: 'Nombre m1' });
  });

  it('treats tags added by two desks as one set, and a removal as removing it for both', async () => {
    const link = (clientId: string, tagId: string, at: string) => insert('client_tags', { client_id: clientId, tag_id: tagId, created_at: at, updated_at: at }, clientId);
    await a.pushOk([link('m1', 't1', '2025-03-01T10:00:00Z')]);
    await b.pushOk([link('m1', 't1', '2025-03-01T10:05:00Z'), link('m1', 't2', '2025-03-01T10:05:00Z')]);
    let tags = (await serverRows(cloud.pool, cloud.centreId)).client_tags!;
    expect(tags.map((t) => t.tag_id)).toEqual(['t1', 't2']);
    expect(tags[0]!.created_at).toBe('2025-03-01T10:05:00Z');
    await a.pushOk([remove('client_tags', ['m1', 't1'])]);
    // B removes it too, offline: the second removal is harmless and not logged again.
    const before = Number((await cloud.pool.query<{ n: string }>('SELECT count(*) AS n FROM changes WHERE centre_id = $1', [cloud.centreId])).rows[0]!.n);
    await b.pushOk([remove('client_tags', ['m1', 't1'])]);
    const after = Number((await cloud.pool.query<{ n: string }>('SELECT count(*) AS n FROM changes WHERE centre_id = $1', [cloud.centreId])).rows[0]!.n);
    expect(after).toBe(before);
    tags = (await serverRows(cloud.pool, cloud.centreId)).client_tags!;
    expect(tags.map((t) => t.tag_id)).toEqual(['t2']);
  });

  it('drops an update of a row another desk deleted (and does not log it)', async () => {
    await a.pushOk([insert('clients', client('m2'), 'm2')]);
    await a.pushOk([remove('clients', 'm2')]);
    const answer = await b.pushOk([update('clients', 'm2', { phone: 'late edit' }, 'm2')]);
    expect(answer.refused).toEqual([]);
    expect(await clientRow('m2')).toBeUndefined();
    const logged = await cloud.pool.query("SELECT 1 FROM changes WHERE centre_id = $1 AND desk_id = 'merge-b' AND row_id = '[\"m2\"]'", [cloud.centreId]);
    expect(logged.rowCount).toBe(0);
  });

  it('merges an insert over a row that exists (the same row created on two desks)', async () => {
    await a.pushOk([insert('clients', client('m3', { city: 'Sevilla' }), 'm3')]);
    await b.pushOk([insert('clients', client('m3', { notes: 'from B' }), 'm3')]);
    expect(await clientRow('m3')).toMatchObject({ city: 'Sevilla', notes: 'from B' });
  });

  it('orders the log by the server\'s order, not the desks\' clocks', async () => {
    const late = { ...update('clients', 'm1', { notes: 'written first, clock far ahead' }, 'm1') };
    await a.send({ ...a.batch([late]), changes: [{ ...a.batch([late]).changes[0]!, at: '2099-01-01T00:00:00Z' }] });
    await b.pushOk([update('clients', 'm1', { notes: 'written second' }, 'm1')]);
    expect((await clientRow('m1'))!.notes).toBe('written second');
  });
});
