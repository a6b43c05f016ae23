import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { booking, client, fakeDesk, insert, occurrence } from './cloud-fixtures';

describeCloud('sync server: a desk\'s sequence', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud?.close();
  });

  const count = async (sql: string) => Number((await cloud.pool.query<{ n: string }>(sql, [cloud.centreId])).rows[0]!.n);

  it('applies a batch sent twice once, and answers the same both times (refusals included)', async () => {
    const a = fakeDesk(cloud.url, await cloud.newDeskKey(), 'seq-a');
    await a.pushOk([insert('occurrences', occurrence('o1', 1)), insert('clients', client('s1'), 's1'), insert('bookings', booking('b0', 'o1', 's1'), 's1')]);
    const b = fakeDesk(cloud.url, await cloud.newDeskKey(), 'seq-b');
    const batch = b.batch([insert('clients', client('s2'), 's2'), insert('bookings', booking('b1', 'o1', 's2'), 's2')], { group: true });
    const first = await b.send(batch);
    expect(first.status).toBe(200);
    expect(first.body.refused).toHaveLength(1);
    const logged = await count('SELECT count(*) AS n FROM changes WHERE centre_id = $1');

    const again = await b.send(batch);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await count('SELECT count(*) AS n FROM changes WHERE centre_id = $1')).toBe(logged);
  });

  it('answers a batch that starts after the desk\'s next seq with sequence_gap and the seq it expects', async () => {
    const desk = fakeDesk(cloud.url, await cloud.newDeskKey(), 'seq-gap');
    await desk.pushOk([insert('clients', client('g1'), 'g1')]);
    const gap = await desk.send(desk.batch([insert('clients', client('g3'), 'g3')], { from: 3 }));
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: { code: 'sequence_gap', expectedSeq: 2 } });
    expect((await serverRows(cloud.pool, cloud.centreId)).clients!.map((c) => c.id)).not.toContain('g3');
  });

  it('skips the settled part of a batch that overlaps what was applied (a lost reply, then a bigger batch)', async () => {
    const desk = fakeDesk(cloud.url, await cloud.newDeskKey(), 'seq-overlap');
    const firstTwo = desk.batch([insert('clients', client('v1'), 'v1'), insert('clients', client('v2'), 'v2')]);
    await desk.send(firstTwo);
    const overlapping = desk.batch([insert('clients', client('v1', { phone: 'changed' }), 'v1'), insert('clients', client('v2'), 'v2'), insert('clients', client('v3'), 'v3')], { from: 1 });
    const answer = await desk.send(overlapping);
    expect(answer.body.appliedThrough).toBe(3);
    const seqs = await cloud.pool.query<{ desk_seq: string }>("SELECT desk_seq FROM changes WHERE centre_id = $1 AND desk_id = 'seq-overlap' ORDER BY server_seq", [cloud.centreId]);
    expect(seqs.rows.map((r) => Number(r.desk_seq))).toEqual([1, 2, 3]);
    const rows = await serverRows(cloud.pool, cloud.centreId);
    expect(rows.clients!.find((c) => c.id === 'v1')!.phone).toBe('+34600000000');
  });

  it('answers an old batch replayed much later from the records, without applying it again', async () => {
    const desk = fakeDesk(cloud.url, await cloud.newDeskKey(), 'seq-old');
    const old = desk.batch([insert('clients', client('r1'), 'r1')]);
    await desk.send(old);
    await desk.pushOk([insert('clients', client('r2'), 'r2')]);
    await desk.pushOk([insert('clients', client('r3', { phone: 'newest' }), 'r3')]);
    const replay = await desk.send(old);
    expect(replay.status).toBe(200);
    expect(replay.body.appliedThrough).toBe(3);
    expect(replay.body.refused).toEqual([]);
    expect(await count("SELECT count(*) AS n FROM changes WHERE centre_id = $1 AND desk_id = 'seq-old'")).toBe(3);
  });

  it('refuses non-consecutive seqs and bad groups, applying nothing', async () => {
    const desk = fakeDesk(cloud.url, await cloud.newDeskKey(), 'seq-bad');
    const base = desk.batch([insert('clients', client('n1'), 'n1'), insert('clients', client('n2'), 'n2')]);
    const cases = [
      { ...base, changes: [base.changes[0]!, { ...base.changes[1]!, seq: 5 }] },
      { ...base, groups: [[2, 1]] as [number, number][] },
      { ...base, groups: [[1, 3]] as [number, number][] },
      { ...base, groups: [[1, 2], [2, 2]] as [number, number][] },
    ];
    for (const request of cases) {
      const answer = await desk.send(request);
      expect(answer.status, JSON.stringify(request.groups)).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'malformed_batch' } });
    }
    expect((await serverRows(cloud.pool, cloud.centreId)).clients!.map((c) => c.id)).not.toContain('n1');
  });
});
