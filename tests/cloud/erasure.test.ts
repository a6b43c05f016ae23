import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { keptOnErasure } from '../../src-cloud/push/erase-client';
import { openTempApi } from '../helpers/temp-api';
import { booking, client, clientPass, erase, fakeDesk, insert, ledger, occurrence, redemption, promo, update } from './cloud-fixtures';

describeCloud('sync server: erasing a client', () => {
  let cloud: TestCloud;
  let a: ReturnType<typeof fakeDesk>;
  let b: ReturnType<typeof fakeDesk>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    a = fakeDesk(cloud.url, await cloud.newDeskKey('A'), 'erase-a');
    b = fakeDesk(cloud.url, await cloud.newDeskKey('B'), 'erase-b');
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('leaves nothing of the client in the rows or in the log, and drops later uploads about them', async () => {
    const secret = 'Ana Secreta';
    await a.pushOk([
      insert('clients', client('e1', { first_name: secret, phone: '+34 699 111 222' }), 'e1'),
      insert('clients', client('keep'), 'keep'),
      insert('occurrences', occurrence('eo', 5)),
      insert('bookings', booking('eb', 'eo', 'e1'), 'e1'),
      insert('client_passes', clientPass('ep', 'e1'), 'e1'),
      insert('credit_ledger', ledger('el', 'ep', 5), 'e1'),
      insert('promo_codes', promo('ex', null, null)),
      insert('sales', { id: 'es', series: 'A', number: 1, client_id: 'e1', status: 'paid', currency: 'EUR', total_minor: 1000, created_at: 'x', updated_at: 'x' }, 'e1'),
      insert('promo_redemptions', redemption('er', 'ex', 'e1', { sale_id: 'es' }), 'e1'),
    ]);
    await b.pushOk([update('clients', 'e1', { notes: `${secret} prefers mornings` }, 'e1')]);
    const erased = await a.pushOk([erase('e1')]);

    // B, still offline, edits the client and books them again: dropped.
    const late = await b.pushOk([update('clients', 'e1', { notes: 'late' }, 'e1'), insert('bookings', booking('eb2', 'eo', 'e1'), 'e1'), insert('clients', client('e1'), 'e1')]);
    expect(late.refused).toEqual([]);

    const rows = await serverRows(cloud.pool, cloud.centreId);
    expect(rows.clients!.map((c) => c.id)).toEqual(['keep']);
    expect(rows.bookings).toBeUndefined();
    expect(rows.client_passes).toBeUndefined();
    expect(rows.credit_ledger).toBeUndefined();
    // The books keep the sale and the redemption, without the client.
    expect(rows.sales).toEqual([expect.objectContaining({ id: 'es', client_id: null })]);
    expect(rows.promo_redemptions).toEqual([expect.objectContaining({ id: 'er', client_id: null })]);

    const everything = JSON.stringify((await cloud.pool.query('SELECT * FROM changes WHERE centre_id = $1', [cloud.centreId])).rows);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('699 111 222');
    const stillNaming = await cloud.pool.query(
      "SELECT server_seq, tbl, op, data FROM changes WHERE centre_id = $1 AND (data::text LIKE '%\"e1\"%' OR subject_client_id = 'e1') AND op <> 'erase'",
      [cloud.centreId],
    );
    expect(stillNaming.rows).toEqual([]);
    const inRows = await cloud.pool.query("SELECT tbl FROM rows WHERE centre_id = $1 AND data::text LIKE '%e1%'", [cloud.centreId]);
    expect(inRows.rows).toEqual([]);
    expect((await cloud.pool.query('SELECT 1 FROM pass_balances WHERE centre_id = $1', [cloud.centreId])).rowCount).toBe(0);

    // The log keeps its order: the redacted entries are still there, and the erasure follows them.
    const page = await b.pull(0);
    expect(page.changes.map((c) => c.serverSeq)).toEqual(Array.from({ length: page.head }, (_, i) => i + 1));
    expect(page.changes.find((c) => c.op === 'erase')).toMatchObject({ serverSeq: erased.serverSeq, tbl: 'clients', rowId: '["e1"]', data: null });
  });

  it('keeps the desk\'s ON DELETE SET NULL references to clients in keptOnErasure', async () => {
    const api = await openTempApi();
    try {
      const sqlite = api.host.database.sqlite;
      const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
      const setNull: Record<string, string[]> = {};
      for (const table of tables) {
        const keys = sqlite.prepare(`SELECT "from", "table", on_delete FROM pragma_foreign_key_list(?)`).all(table) as { from: string; table: string; on_delete: string }[];
        for (const key of keys) if (key.table === 'clients' && key.on_delete === 'SET NULL') (setNull[table] ??= []).push(key.from);
      }
      expect(setNull).toEqual(keptOnErasure);
    } finally {
      await api.close();
    }
  });
});
