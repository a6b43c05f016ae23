import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCentre, createDeskKey, listDeskKeys, revokeDeskKey } from '../../src-cloud/admin';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { call, client, fakeDesk, insert } from './cloud-fixtures';

describeCloud('sync server: desk keys and centres', () => {
  let cloud: TestCloud;
  let otherCentre: string;
  beforeAll(async () => {
    cloud = await startTestCloud({ centreName: 'Centro A' });
    otherCentre = (await createCentre(cloud.pool, { name: 'Centro B' })).id;
  });
  afterAll(async () => {
    await cloud?.close();
  });

  const keyOf = async (centreId: string) => (await createDeskKey(cloud.pool, { centreId, label: 'desk' })).key;

  it('keeps only the hash of a key, and lists keys with their desks', async () => {
    const created = await createDeskKey(cloud.pool, { centreId: cloud.centreId, label: 'Recepción 1' });
    expect(created.key).toMatch(/^mst_[0-9a-f]{16}_[0-9a-f]{64}$/);
    const stored = await cloud.pool.query<{ secret_hash: Buffer }>('SELECT secret_hash FROM desk_keys WHERE id = $1', [created.keyId]);
    expect(stored.rows[0]!.secret_hash.length).toBe(32);
    expect(JSON.stringify(stored.rows)).not.toContain(created.key.split('_')[2]);
    await fakeDesk(cloud.url, created.key, 'listed-desk').pushOk([insert('clients', client('l1'), 'l1')]);
    const keys = await listDeskKeys(cloud.pool, cloud.centreId);
    expect(keys.find((k) => k.keyId === created.keyId)).toMatchObject({ label: 'Recepción 1', deskId: 'listed-desk', appliedThrough: 1, revokedAt: null });
  });

  it('refuses a missing, malformed, unknown or forged key with unauthorized', async () => {
    const real = await keyOf(cloud.centreId);
    const forged = real.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    for (const header of [null, 'Bearer', 'Basic abc', `Bearer mst_${'0'.repeat(16)}_${'0'.repeat(64)}`, `Bearer ${forged}`, 'Bearer mst_x_y']) {
      const answer = await call<{ error: { code: string } }>(cloud.url, '/v1/hello', null, header ? { headers: { authorization: header } } : {});
      expect(answer.status, String(header)).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
    }
  });

  it('refuses a revoked key with key_revoked, from its next request on', async () => {
    const created = await createDeskKey(cloud.pool, { centreId: cloud.centreId, label: 'old' });
    const desk = fakeDesk(cloud.url, created.key, 'revoked-desk');
    await desk.pushOk([insert('clients', client('k1'), 'k1')]);
    await revokeDeskKey(cloud.pool, created.keyId);
    for (const answer of [await desk.push([insert('clients', client('k2'), 'k2')]), await call(cloud.url, '/v1/pull', created.key), await call(cloud.url, '/v1/hello', created.key)]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'key_revoked' } });
    }
    // A new key for the same desk carries on where it stopped.
    const replacement = await keyOf(cloud.centreId);
    const hello = await call<{ appliedThrough: number; deskId: string | null }>(cloud.url, '/v1/hello', replacement, { headers: { 'x-desk-id': 'revoked-desk' } });
    expect(hello.body).toMatchObject({ appliedThrough: 1, deskId: null });
    const resumed = fakeDesk(cloud.url, replacement, 'revoked-desk');
    const answer = await resumed.send(resumed.batch([insert('clients', client('k2'), 'k2')], { from: 2 }));
    expect(answer.body).toMatchObject({ appliedThrough: 2 });
  });

  it('binds a key to the desk of its first push', async () => {
    const key = await keyOf(cloud.centreId);
    await fakeDesk(cloud.url, key, 'first-desk').pushOk([insert('clients', client('f1'), 'f1')]);
    const other = await fakeDesk(cloud.url, key, 'second-desk').push([insert('clients', client('f2'), 'f2')]);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: 'key_other_desk' } });
    const hello = await call(cloud.url, '/v1/hello', key, { headers: { 'x-desk-id': 'second-desk' } });
    expect(hello.body).toMatchObject({ error: { code: 'key_other_desk' } });
  });

  it('keeps centres apart: a key of one centre never reads or writes another\'s rows', async () => {
    const keyA = await keyOf(cloud.centreId);
    const keyB = await keyOf(otherCentre);
    const deskA = fakeDesk(cloud.url, keyA, 'iso-a');
    const deskB = fakeDesk(cloud.url, keyB, 'iso-b');
    await deskA.pushOk([insert('clients', client('same-id', { first_name: 'A' }), 'same-id')]);
    await deskB.pushOk([insert('clients', client('same-id', { first_name: 'B' }), 'same-id')]);

    const pulledByB = await deskB.pull(0);
    expect(pulledByB.changes.every((c) => c.deskId === 'iso-b')).toBe(true);
    expect(pulledByB.head).toBe(1);
    expect((await serverRows(cloud.pool, otherCentre)).clients).toEqual([expect.objectContaining({ id: 'same-id', first_name: 'B' })]);
    expect((await serverRows(cloud.pool, cloud.centreId)).clients!.find((c) => c.id === 'same-id')!.first_name).toBe('A');

    // B's key cannot push as a desk of centre A, nor learn where that desk stands.
    const intruder = await fakeDesk(cloud.url, await keyOf(otherCentre), 'iso-a').push([insert('clients', client('x'), 'x')]);
    expect(intruder.status).toBe(403);
    expect(intruder.body).toMatchObject({ error: { code: 'wrong_centre' } });
    const peek = await call(cloud.url, '/v1/hello', await keyOf(otherCentre), { headers: { 'x-desk-id': 'iso-a' } });
    expect(peek.body).toMatchObject({ error: { code: 'wrong_centre' } });
  });
});
