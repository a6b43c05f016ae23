import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRows } from '../../src-main/db/precompiled-insert';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

/** insertRows compiles an INSERT once per shape and re-binds it: every call must still write its own rows. */
let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

const at = '2027-01-04T10:00:00.000Z';
const tag = (n: number, colour = 'grey') => ({ id: `tag-${n}`, name: `Tag ${n}`, name_key: `tag ${n}`, colour, created_at: at, updated_at: at });

function tagsInFile(): { id: string; name: string; colour: string }[] {
  return api.host.database.sqlite.prepare('SELECT id, name, colour FROM tags ORDER BY id').all() as never;
}

describe('insertRows', () => {
  it('writes each call its own values, for one row, several rows, and another column order', async () => {
    const db = api.host.database.db;
    await db.transaction().execute(async (tx) => {
      await insertRows(tx, 'tags', tag(1));
      await insertRows(tx, 'tags', tag(2, 'red'));
      await insertRows(tx, 'tags', [tag(3), tag(4, 'blue'), tag(5)]);
      const { colour, ...rest } = tag(6);
      await insertRows(tx, 'tags', { colour: `${colour}-first`, ...rest });
      await insertRows(tx, 'tags', []);
    });
    expect(tagsInFile()).toEqual([
      { id: 'tag-1', name: 'Tag 1', colour: 'grey' },
      { id: 'tag-2', name: 'Tag 2', colour: 'red' },
      { id: 'tag-3', name: 'Tag 3', colour: 'grey' },
      { id: 'tag-4', name: 'Tag 4', colour: 'blue' },
      { id: 'tag-5', name: 'Tag 5', colour: 'grey' },
      { id: 'tag-6', name: 'Tag 6', colour: 'grey-first' },
    ]);
  });

  it('leaves an expression value to Kysely, and writes nothing when the transaction rolls back', async () => {
    const db = api.host.database.db;
    await db.transaction().execute(async (tx) => {
      await insertRows(tx, 'tags', { ...tag(7), name: sql<string>`'Tag ' || 7` });
    });
    await expect(
      db.transaction().execute(async (tx) => {
        await insertRows(tx, 'tags', tag(8));
        // The same id again: the statement fails and the transaction takes tag 8 with it.
        await insertRows(tx, 'tags', tag(8));
      }),
    ).rejects.toThrow();
    expect(tagsInFile()).toEqual([{ id: 'tag-7', name: 'Tag 7', colour: 'grey' }]);
  });
});
