import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncLimits } from '../../src-shared/sync/protocol';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { call, client, fakeDesk, insert } from './cloud-fixtures';

describeCloud('sync server: bad input', () => {
  let cloud: TestCloud;
  let key: string;
  let desk: ReturnType<typeof fakeDesk>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    key = await cloud.newDeskKey();
    desk = fakeDesk(cloud.url, key, 'bad-desk');
  });
  afterAll(async () => {
    await cloud?.close();
  });

  const push = (init: Parameters<typeof call>[3]) => call<{ error: { code: string; message: string } }>(cloud.url, '/v1/push', key, { method: 'POST', ...init });
  const good = () => desk.batch([insert('clients', client('ok'), 'ok')]);

  it('answers broken JSON, a body that is not a batch and a wrong content type as malformed_batch', async () => {
    for (const raw of ['{', 'null', '[]', '"x"', '{"deskId":"d"}', '{"__proto__":{"x":1},"deskId":"d","changes":[],"groups":[]}']) {
      const answer = await push({ raw, headers: { 'content-type': 'application/json' } });
      expect(answer.status, raw).toBe(400);
      expect(answer.body.error.code, raw).toBe('malformed_batch');
    }
    const text = await push({ raw: JSON.stringify(good()), headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('malformed_batch');
    const none = await push({ raw: JSON.stringify(good()) });
    expect(none.body.error.code).toBe('malformed_batch');
  });

  it('answers a body over the limit, and too many changes, with batch_too_large', async () => {
    const huge = await push({ raw: `{"deskId":"d","pad":"${'x'.repeat(syncLimits.maxBodyBytes)}"}`, headers: { 'content-type': 'application/json' } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('batch_too_large');
    const many = desk.batch(Array.from({ length: syncLimits.maxBatchChanges + 1 }, (_, i) => insert('clients', client(`m${i}`), `m${i}`)));
    const answer = await push({ body: many });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('batch_too_large');
  });

  it('tells a desk newer than the server to update it (unknown table or column), applying nothing', async () => {
    const table = await push({ body: desk.batch([insert('clients', client('u1'), 'u1'), { tbl: 'loyalty_points', rowId: '["p"]', op: 'insert', data: { id: 'p' }, subject: null }]) });
    expect(table.status).toBe(400);
    expect(table.body.error).toMatchObject({ code: 'unknown_table', message: expect.stringContaining('update the server') });
    const column = await push({ body: desk.batch([insert('clients', client('u1', { favourite_colour: 'red' }), 'u1')]) });
    expect(column.body.error).toMatchObject({ code: 'unknown_column', message: expect.stringContaining('update the server') });
    // A column the desks keep for themselves is not synced either.
    const local = await push({ body: desk.batch([insert('clients', client('u1', { search_rowid: 3 }), 'u1')]) });
    expect(local.body.error.code).toBe('unknown_column');
    expect((await serverRows(cloud.pool, cloud.centreId)).clients).toBeUndefined();
  });

  it('refuses a rowId that does not name the row, and ops with the wrong data', async () => {
    const cases = [
      { tbl: 'clients', rowId: '["other"]', op: 'insert', data: client('x1'), subject: null },
      { tbl: 'clients', rowId: 'x1', op: 'insert', data: client('x1'), subject: null },
      { tbl: 'clients', rowId: '["x1","x2"]', op: 'insert', data: client('x1'), subject: null },
      { tbl: 'client_tags', rowId: '["c1"]', op: 'delete', data: null, subject: null },
      { tbl: 'clients', rowId: '[null]', op: 'delete', data: null, subject: null },
      { tbl: 'clients', rowId: '["x1"]', op: 'update', data: {}, subject: null },
      { tbl: 'clients', rowId: '["x1"]', op: 'update', data: { id: 'x2' }, subject: null },
      { tbl: 'clients', rowId: '["x1"]', op: 'update', data: null, subject: null },
      { tbl: 'clients', rowId: '["x1"]', op: 'insert', data: null, subject: null },
      { tbl: 'clients', rowId: '["x1"]', op: 'delete', data: { id: 'x1' }, subject: null },
      { tbl: 'tags', rowId: '["t1"]', op: 'erase', data: null, subject: null },
      { tbl: 'clients', rowId: '["x1"]', op: 'merge', data: null, subject: null },
    ];
    for (const change of cases) {
      const answer = await push({ body: { deskId: 'bad-desk', changes: [{ ...change, seq: 1, at: 'now' }], groups: [] } });
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expect(answer.body.error.code).toBe('malformed_batch');
    }
  });

  it('refuses text PostgreSQL cannot store, and the server\'s own desk id, as malformed_batch', async () => {
    const bodies = [
      desk.batch([insert('clients', client('z1', { notes: 'a\u0000b' }), 'z1')]),
      desk.batch([insert('clients', client('z1'), 'z1\u0000')]),
      { ...desk.batch([insert('clients', client('z1'), 'z1')]), deskName: 'caf\u0000e' },
      { ...desk.batch([insert('clients', client('z1'), 'z1')]), deskId: 'server' },
    ];
    for (const body of bodies) {
      const answer = await push({ body });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('malformed_batch');
    }
    // A lone surrogate, as raw JSON escapes (fetch would have replaced a real one).
    const raw = JSON.stringify(desk.batch([insert('clients', client('z1', { notes: 'LONE' }), 'z1')])).replace('LONE', '\\udc00');
    const lone = await push({ raw, headers: { 'content-type': 'application/json' } });
    expect(lone.status).toBe(400);
    expect((await serverRows(cloud.pool, cloud.centreId)).clients ?? []).toEqual([]);
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    const answer = await call<{ error: { code: string } }>(cloud.url, '/v2/push', key);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
    expect((await call(cloud.url, '/v1/hello', key, { method: 'DELETE' })).status).toBe(404);
  });

  it('survives random bodies: every answer is a JSON error or a push answer, and hello still works', async () => {
    const change = fc.record({
      seq: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(1)),
      at: fc.string({ maxLength: 5 }),
      tbl: fc.constantFrom('clients', 'bookings', 'appointments', 'credit_ledger', 'tags', 'nope', 'Clients'),
      rowId: fc.oneof(fc.constantFrom('["z1"]', '["z1","z2"]', '[]', '[1]', '[{}]'), fc.string({ maxLength: 8 })),
      op: fc.constantFrom('insert', 'update', 'delete', 'erase', 'upsert'),
      data: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom('id', 'status', 'delta', 'blocked_from', 'x', '__proto__'), fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), fc.constant('\u0000'), fc.integer(), fc.double(), fc.constant(null), fc.boolean()))),
      subject: fc.oneof(fc.constant(null), fc.constant('z1'), fc.integer()),
    });
    const body = fc.oneof(
      fc.record({ deskId: fc.constantFrom('fuzz-desk', '', 'x'.repeat(101)), changes: fc.array(change, { maxLength: 4 }), groups: fc.array(fc.tuple(fc.integer({ min: -1, max: 5 }), fc.integer({ min: -1, max: 5 })), { maxLength: 2 }) }),
      fc.jsonValue().map((v) => v as unknown),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const answer = await call<Record<string, unknown>>(cloud.url, '/v1/push', key, { method: 'POST', body: value });
        if (answer.status === 200) expect(answer.body).toHaveProperty('appliedThrough');
        else {
          expect(answer.status).toBeLessThan(500);
          expect(answer.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }
      }),
      { numRuns: 150 },
    );
    expect((await call(cloud.url, '/v1/hello', key)).status).toBe(200);
  });

  it('limits each key to its requests per minute', async () => {
    const limited = await startTestCloud({ requestsPerMinute: 3 });
    try {
      const first = await limited.newDeskKey();
      const second = await limited.newDeskKey();
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(limited.url, '/v1/hello', first)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await call(limited.url, '/v1/hello', first)).body).toMatchObject({ error: { code: 'rate_limited' } });
      expect((await call(limited.url, '/v1/hello', second)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
