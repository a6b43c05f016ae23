import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCentre, createDeskKey } from '../../src-cloud/admin';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import type { DraftChange } from './cloud-fixtures';
import { client, fakeDesk, insert, remove, tag, update } from './cloud-fixtures';

/**
 * Changes no rule can refuse are applied in bulk (apply-run.ts); the same changes inside a group
 * that also touches a judged table go row by row (apply-change.ts). Both must end the same.
 */
describeCloud('sync server: bulk and row-by-row application agree', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud?.close();
  });

  const id = fc.constantFrom('a', 'b', 'c');
  const columns = fc.dictionary(fc.constantFrom('phone', 'city', 'notes'), fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null)), { minKeys: 1 });
  const change: fc.Arbitrary<DraftChange> = fc.oneof(
    fc.tuple(id, columns).map(([i, more]) => insert('clients', client(i, more), i)),
    fc.tuple(id, columns).map(([i, more]) => update('clients', i, more, i)),
    id.map((i) => remove('clients', i)),
  );

  it('for any sequence of inserts, updates and deletes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        run++;
        const bulk = await centreWithDesk(`bulk-${run}`);
        const rowByRow = await centreWithDesk(`rows-${run}`);
        await bulk.desk.pushOk(changes);
        // Each change grouped with a tag of its own: the group is judged (unique names), so row by row.
        let seq = 1;
        const request = rowByRow.desk.batch(changes.flatMap((c, i) => [c, insert('tags', tag(`t${i}`, `tag ${i}`))]));
        request.groups = changes.map(() => [seq, (seq += 2) - 1]);
        expect((await rowByRow.desk.send(request)).body.refused).toEqual([]);

        expect((await serverRows(cloud.pool, bulk.centreId)).clients).toEqual((await serverRows(cloud.pool, rowByRow.centreId)).clients);
        const logOf = async (desk: typeof bulk.desk) =>
          (await desk.pull(0)).changes.filter((c) => c.tbl === 'clients').map((c) => [c.op, c.rowId, c.data]);
        expect(await logOf(bulk.desk)).toEqual(await logOf(rowByRow.desk));
      }),
      { numRuns: 40 },
    );
  });

  async function centreWithDesk(name: string) {
    const { id: centreId } = await createCentre(cloud.pool, { name });
    const { key } = await createDeskKey(cloud.pool, { centreId, label: name });
    return { centreId, desk: fakeDesk(cloud.url, key, `desk-${name}`) };
  }
});
