import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { call, client, fakeDesk, insert, update } from './cloud-fixtures';

describeCloud('sync server: push and pull', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('says who a key is before and after its first push', async () => {
    const key = await cloud.newDeskKey();
    const before = await call<Record<string, unknown>>(cloud.url, '/v1/hello', key);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ centreId: cloud.centreId, centreName: 'Estudio Luz', deskId: null, appliedThrough: 0 });
    const desk = fakeDesk(cloud.url, key, 'desk-hello');
    await desk.pushOk([insert('clients', client('h1'), 'h1')]);
    const after = await call<Record<string, unknown>>(cloud.url, '/v1/hello', key);
    expect(after.body).toMatchObject({ deskId: 'desk-hello', appliedThrough: 1 });
    expect(typeof after.body.serverTime).toBe('string');
  });

  it('applies a desk\'s batch and gives it to another desk in the server\'s order', async () => {
    const a = fakeDesk(cloud.url, await cloud.newDeskKey('A'), 'desk-a');
    const b = fakeDesk(cloud.url, await cloud.newDeskKey('B'), 'desk-b');
    const start = (await b.pull()).head;
    const answer = await a.pushOk([insert('clients', client('c1'), 'c1'), insert('clients', client('c2'), 'c2'), update('clients', 'c1', { phone: '+34611111111' }, 'c1')], {
      group: true,
    });
    expect(answer).toEqual({ appliedThrough: 3, refused: [], serverSeq: start + 3 });

    const page = await b.pull(start);
    expect(page.cursor).toBe(start + 3);
    expect(page.head).toBe(start + 3);
    expect(page.changes.map((c) => [c.serverSeq, c.deskId, c.tbl, c.rowId, c.op])).toEqual([
      [start + 1, 'desk-a', 'clients', '["c1"]', 'insert'],
      [start + 2, 'desk-a', 'clients', '["c2"]', 'insert'],
      [start + 3, 'desk-a', 'clients', '["c1"]', 'update'],
    ]);
    expect(page.changes[2]!.data).toEqual({ phone: '+34611111111' });

    const rows = await serverRows(cloud.pool, cloud.centreId);
    expect(rows.clients!.find((r) => r.id === 'c1')).toMatchObject({ phone: '+34611111111', first_name: 'Nombre c1' });
  });

  it('pages a pull by limit, with the cursor at the last change of the page', async () => {
    const desk = fakeDesk(cloud.url, await cloud.newDeskKey(), 'desk-pages');
    const start = (await desk.pull()).head;
    await desk.pushOk(Array.from({ length: 5 }, (_, i) => insert('clients', client(`p${i}`), `p${i}`)));
    const first = await desk.pull(start, 2);
    expect(first.changes).toHaveLength(2);
    expect(first.cursor).toBe(start + 2);
    const rest = await desk.pull(first.cursor, 2000);
    expect(rest.changes.map((c) => c.serverSeq)).toEqual([start + 3, start + 4, start + 5]);
    const none = await desk.pull(rest.cursor);
    expect(none).toEqual({ changes: [], cursor: rest.cursor, head: rest.cursor });
  });

  it('refuses pull parameters that are not whole numbers in range', async () => {
    const key = await cloud.newDeskKey();
    for (const query of ['after=-1', 'after=x', 'limit=0', 'limit=2001', 'after=1.5', 'after=1&after=2']) {
      const answer = await call<{ error: { code: string } }>(cloud.url, `/v1/pull?${query}`, key);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.code).toBe('malformed_batch');
    }
  });
});
