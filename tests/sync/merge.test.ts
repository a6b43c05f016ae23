import { beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud } from '../helpers/test-cloud';
import { expectConverged } from '../helpers/sync-compare';
import type { SyncedDesk } from '../helpers/sync-desks';
import type { SyncWorld } from '../helpers/sync-world';
import { cloudRows, deskRows, expectSameRows, newClient, syncAll, twoSyncedDesks, whereColumn, yogaClass } from '../helpers/sync-world';

describeCloud('what merges when two desks changed the same things offline', () => {
  const desks = twoSyncedDesks();
  let cloud: TestCloud;
  let a: SyncedDesk;
  let b: SyncedDesk;
  let world: SyncWorld;
  beforeAll(() => ({ cloud, a, b, world } = desks));

  const card = (desk: SyncedDesk, id: string) => desk.call('clients.get', { id });

  it('different fields of one card from two desks are both kept', async () => {
    const ana = await newClient(a, 'Ana', 'Campos', { phone: '600 11 22 33', notes: 'Primera visita' });
    await syncAll(a, b);
    await a.call('clients.update', { id: ana, phone: '600 99 88 77' });
    await b.call('clients.update', { id: ana, notes: 'Prefiere por la tarde' });
    await a.sync();
    await b.sync();
    await syncAll(a, b);
    for (const desk of [a, b]) expect(await card(desk, ana)).toMatchObject({ phone: '+34600998877', notes: 'Prefiere por la tarde' });
    await expectSameRows(cloud, [a, b], 'clients', whereColumn('id', ana));
    // The search index follows on both desks.
    for (const desk of [a, b]) expect((await desk.call('clients.search', { query: '600998877' })).items.map((c) => c.id)).toEqual([ana]);
    await expectConverged(cloud, { 'Recepción A': a, 'Recepción B': b });
  });

  it('the same field from two desks: the one uploaded later wins on every desk, whatever the clocks said', async () => {
    const eva = await newClient(a, 'Eva', 'Campos', { notes: 'Sin notas' });
    await syncAll(a, b);
    // B writes first, A later; B uploads last, so B's value is last in the server's order.
    await b.call('clients.update', { id: eva, notes: 'Nota de B (escrita antes)' });
    await a.call('clients.update', { id: eva, notes: 'Nota de A (escrita después)' });
    await a.sync();
    expect((await card(a, eva)).notes).toBe('Nota de A (escrita después)');
    await b.sync();
    expect((await card(b, eva)).notes).toBe('Nota de B (escrita antes)');
    await syncAll(a, b);
    for (const desk of [a, b]) expect((await card(desk, eva)).notes).toBe('Nota de B (escrita antes)');
    const [row] = await expectSameRows(cloud, [a, b], 'clients', whereColumn('id', eva));
    expect(row!.notes).toBe('Nota de B (escrita antes)');
    await expectConverged(cloud, { 'Recepción A': a, 'Recepción B': b });
  });

  it('tags on a card merge as sets', async () => {
    const luz = await newClient(a, 'Luz', 'Campos');
    const [vip, manana, tarde, nuevo] = await Promise.all(['VIP', 'Mañanas', 'Tardes', 'Nuevo'].map(async (name) => (await a.call('tags.create', { name })).id));
    await a.call('clients.addTag', { clientId: luz, tagId: nuevo! });
    await syncAll(a, b);

    const tagsOf = async (desk: SyncedDesk) => (await card(desk, luz)).tags.map((t) => t.id).sort();
    // Each desk adds one, and both add the same one.
    await a.call('clients.addTag', { clientId: luz, tagId: vip! });
    await b.call('clients.addTag', { clientId: luz, tagId: manana! });
    await a.call('clients.addTag', { clientId: luz, tagId: tarde! });
    await b.call('clients.addTag', { clientId: luz, tagId: tarde! });
    await syncAll(a, b);
    for (const desk of [a, b]) expect(await tagsOf(desk)).toEqual([vip!, manana!, tarde!, nuevo!].sort());
    await expectSameRows(cloud, [a, b], 'client_tags', whereColumn('client_id', luz));

    // A takes one off while B adds another back and takes a third off.
    await a.call('clients.removeTag', { clientId: luz, tagId: vip! });
    await b.call('clients.removeTag', { clientId: luz, tagId: nuevo! });
    await b.call('clients.removeTag', { clientId: luz, tagId: tarde! });
    await b.call('clients.addTag', { clientId: luz, tagId: tarde! });
    await syncAll(a, b);
    for (const desk of [a, b]) expect(await tagsOf(desk)).toEqual([manana!, tarde!].sort());
    const rows = await expectSameRows(cloud, [a, b], 'client_tags', whereColumn('client_id', luz));
    expect(rows.map((r) => r.tag_id).sort()).toEqual([manana!, tarde!].sort());
    // The counts each desk keeps agree.
    for (const desk of [a, b]) {
      const counts = Object.fromEntries((await desk.call('tags.list', {})).map((t) => [t.id, t.clientCount]));
      expect([counts[vip!], counts[manana!], counts[tarde!], counts[nuevo!]]).toEqual([0, 1, 1, 0]);
    }
    await expectConverged(cloud, { 'Recepción A': a, 'Recepción B': b });
  });

  it("the audit trail is append-only: every desk's entries about a card are kept, on every desk", async () => {
    const nora = await newClient(a, 'Nora', 'Campos');
    await syncAll(a, b);
    await a.call('clients.update', { id: nora, notes: 'Desde A' });
    await b.call('clients.update', { id: nora, notes: 'Desde B' });
    await b.call('clients.setBlacklist', { id: nora, blacklisted: true, reason: 'Impago' });
    await a.call('clients.update', { id: nora, profession: 'Arquitecta' });
    await syncAll(a, b);
    const entries = await expectSameRows(cloud, [a, b], 'change_log', whereColumn('subject_client_id', nora));
    const byDesk = (deskId: string) => entries.filter((e) => e.desk_id === deskId).map((e) => e.call).sort();
    const deskA = a.host.database.sqlite.prepare('SELECT id FROM desk_identity').pluck().get() as string;
    const deskB = b.host.database.sqlite.prepare('SELECT id FROM desk_identity').pluck().get() as string;
    expect(byDesk(deskA)).toEqual(['clients.create', 'clients.update', 'clients.update']);
    expect(byDesk(deskB)).toEqual(['clients.setBlacklist', 'clients.update']);
    expect(entries).toHaveLength(5);
    for (const desk of [a, b]) expect(await card(desk, nora)).toMatchObject({ notes: 'Desde B', profession: 'Arquitecta', blacklisted: true, blacklistReason: 'Impago' });
    await expectConverged(cloud, { 'Recepción A': a, 'Recepción B': b });
  });

  it("an erased client is erased on the desk that was offline too: its later edits are dropped, and the server holds nothing of theirs", async () => {
    const name = 'Zuriñe';
    const surname = 'Olaberria Quintx';
    const phone = '677 31 42 59';
    const zuri = await newClient(a, name, surname, { phone, email: 'zurine.olaberria@example.com', notes: 'Alergia al níquel' });
    const tag = (await a.call('tags.create', { name: 'Olvido' })).id;
    const occurrence = await yogaClass(a, world, 14, '12:00', 10);
    await a.call('sessions.book', { occurrenceId: occurrence, clientId: zuri });
    const later = await yogaClass(a, world, 15, '12:00', 10);
    const other = await newClient(a, 'Otra', 'Persona');
    await a.call('sessions.book', { occurrenceId: occurrence, clientId: other });
    await syncAll(a, b);

    // A erases her; B, offline, edits her card, tags her, books her.
    await a.call('clients.delete', { id: zuri });
    await b.call('clients.update', { id: zuri, phone: '677 00 00 01', notes: 'Cambio en B: llamar a Zuriñe' });
    await b.call('clients.addTag', { clientId: zuri, tagId: tag });
    const bookedOnB = await b.call('sessions.book', { occurrenceId: later, clientId: zuri });
    expect(bookedOnB.status).toBe('booked');
    const soldOnB = await b.call('checkout.commit', { clientId: zuri, lines: [{ kind: 'service', serviceId: world.manicura }], payments: [{ method: 'cash', amountMinor: 2000 }] });
    await a.sync();
    await b.sync();
    for (const desk of [a, b]) expect((await desk.call('sync.status', {})).lastError).toBeNull();
    await syncAll(a, b);
    // What B sold her offline stays in the books on every copy, without her, as her earlier sales do.
    for (const desk of [a, b]) expect(await desk.call('sales.get', { id: soldOnB.id })).toMatchObject({ clientId: null, status: 'paid', totalMinor: 2000 });
    for (const [table, column] of [['sales', 'id'], ['sale_lines', 'sale_id'], ['sale_payments', 'sale_id']] as const) {
      const rows = await expectSameRows(cloud, [a, b], table, whereColumn(column, soldOnB.id));
      expect(rows).toHaveLength(1);
    }
    // Her booking made on B offline is gone with her.
    for (const desk of [a, b]) expect((await desk.call('sessions.get', { occurrenceId: later })).bookings.map((x) => x.id)).toEqual([]);
    expect(await cloudRows(cloud, 'bookings', (row) => row.id === bookedOnB.id)).toEqual([]);

    for (const desk of [a, b]) {
      expect(await desk.refuse('clients.get', { id: zuri })).toMatchObject({ code: 'not_found' });
      expect((await desk.call('clients.search', { query: 'Zuriñe' })).items).toEqual([]);
      expect((await desk.call('sessions.get', { occurrenceId: occurrence })).bookings.map((x) => x.clientId)).toEqual([other]);
      expect(deskRows(desk, 'client_tags', 'client_id = ?', zuri)).toEqual([]);
      expect(deskRows(desk, 'change_log', 'subject_client_id = ?', zuri)).toEqual([]);
    }
    await expectSameRows(cloud, [a, b], 'bookings', whereColumn('occurrence_id', occurrence));
    const traces = ['Zuriñe', 'Olaberria', '677314259', '677000001', 'zurine', 'níquel', 'llamar a'];
    for (const trace of traces) {
      const rows = await cloud.pool.query('SELECT tbl, row_id FROM rows WHERE centre_id = $1 AND (data::text ILIKE $2 OR row_id ILIKE $2)', [cloud.centreId, `%${trace}%`]);
      expect(rows.rows, `rows holding ${trace}`).toEqual([]);
      const changes = await cloud.pool.query('SELECT server_seq, tbl, op FROM changes WHERE centre_id = $1 AND data::text ILIKE $2', [cloud.centreId, `%${trace}%`]);
      expect(changes.rows, `changes holding ${trace}`).toEqual([]);
    }
    // Of her the server keeps her id: as erased, and in the audit entry of the erasure.
    const about = await cloud.pool.query<{ tbl: string; data: Record<string, unknown> }>('SELECT tbl, data FROM rows WHERE centre_id = $1 AND (subject_client_id = $2 OR data::text LIKE $3)', [cloud.centreId, zuri, `%${zuri}%`]);
    expect(about.rows.map((r) => [r.tbl, r.data.call, r.data.entity_id, r.data.changes])).toEqual([['change_log', 'clients.delete', zuri, '{"deleted":true}']]);
    const erased = await cloud.pool.query('SELECT client_id FROM erased_clients WHERE centre_id = $1', [cloud.centreId]);
    expect(erased.rows).toEqual([{ client_id: zuri }]);
    await expectSameRows(cloud, [a, b], 'change_log', whereColumn('entity_id', zuri));
    // The desk that was offline keeps nothing of her either: not in its feed, not in its tables.
    for (const desk of [a, b]) {
      for (const trace of traces) {
        const feed = desk.host.database.sqlite.prepare('SELECT seq, tbl FROM feed WHERE data LIKE ?').all(`%${trace}%`);
        expect(feed, `feed of ${desk.path} holding ${trace}`).toEqual([]);
      }
      expect(desk.host.database.sqlite.prepare('SELECT count(*) FROM feed WHERE subject_client_id = ?').pluck().get(zuri)).toBe(0);
    }
    for (const desk of [a, b]) expect((await desk.call('sync.status', {})).state).toBe('synced');
    await expectConverged(cloud, { 'Recepción A': a, 'Recepción B': b });
  });
});
