import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, serverRows, startTestCloud } from '../helpers/test-cloud';
import { appointment, booking, client, clientPass, fakeDesk, insert, ledger, occurrence, promo, redemption, tag, update } from './cloud-fixtures';

describeCloud('sync server: the server judges what two desks did offline', () => {
  let cloud: TestCloud;
  let a: ReturnType<typeof fakeDesk>;
  let b: ReturnType<typeof fakeDesk>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    a = fakeDesk(cloud.url, await cloud.newDeskKey('A'), 'desk-a');
    b = fakeDesk(cloud.url, await cloud.newDeskKey('B'), 'desk-b');
    await a.pushOk([insert('clients', client('c1'), 'c1'), insert('clients', client('c2'), 'c2'), insert('clients', client('c3'), 'c3')]);
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('gives the last place of a session to the first desk, and undoes the second desk\'s booking', async () => {
    await a.pushOk([insert('occurrences', occurrence('o1', 2)), insert('bookings', booking('b1', 'o1', 'c1'), 'c1')]);
    await a.pushOk([insert('bookings', booking('b2', 'o1', 'c2'), 'c2')]);
    const second = await b.pushOk([insert('bookings', booking('b3', 'o1', 'c3'), 'c3'), update('clients', 'c3', { notes: 'booked by B' }, 'c3')], { group: true });
    expect(second.refused).toEqual([{ group: [1, 2], reason: 'place_taken', tbl: 'bookings', rowId: '["b3"]', serverSeq: expect.any(Number) }]);
    const after = await b.pull(second.refused[0]!.serverSeq);
    expect(after.changes.map((c) => [c.deskId, c.tbl, c.rowId, c.op])).toEqual([
      ['server', 'bookings', '["b3"]', 'delete'],
      ['server', 'clients', '["c3"]', 'insert'],
    ]);
    const rows = await serverRows(cloud.pool, cloud.centreId);
    expect(after.changes[1]!.data).toEqual(rows.clients!.find((r) => r.id === 'c3'));
    expect(after.changes[1]!.data).not.toHaveProperty('notes');
    expect(rows.bookings!.map((r) => r.id)).toEqual(['b1', 'b2']);
  });

  it('lets an over-places booking, a waitlisted one, and a cancelled place be taken again', async () => {
    await a.pushOk([insert('occurrences', occurrence('o2', 1)), insert('bookings', booking('x1', 'o2', 'c1'), 'c1')]);
    const over = await b.pushOk([insert('bookings', booking('x2', 'o2', 'c2', { over_places: 1 }), 'c2')]);
    expect(over.refused).toEqual([]);
    const waitlisted = await b.pushOk([insert('bookings', booking('x3', 'o2', 'c3', { status: 'waitlisted', waitlist_position: 1 }), 'c3')]);
    expect(waitlisted.refused).toEqual([]);
    // Two hold places out of one: moving the waitlisted one in is refused until one is cancelled.
    expect((await b.pushOk([update('bookings', 'x3', { status: 'booked', waitlist_position: null }, 'c3')])).refused[0]?.reason).toBe('place_taken');
    await a.pushOk([update('bookings', 'x1', { status: 'cancelled' }, 'c1'), update('bookings', 'x2', { status: 'cancelled' }, 'c2')]);
    expect((await b.pushOk([update('bookings', 'x3', { status: 'booked', waitlist_position: null }, 'c3')])).refused).toEqual([]);
  });

  it('refuses overlapping appointments of one professional, buffers included, and allows another professional', async () => {
    await a.pushOk([insert('appointments', appointment('ap1', 'st1', '2025-03-10T09:00:00.000Z', '2025-03-10T10:15:00.000Z'), 'c1')]);
    // B's appointment starts at 10:00 but its blocked time (with a 15-minute buffer before) starts at 09:45.
    const clash = await b.pushOk([insert('appointments', appointment('ap2', 'st1', '2025-03-10T09:45:00.000Z', '2025-03-10T11:00:00.000Z', { buffer_before_min: 15, starts_at: '2025-03-10T10:00:00.000Z' }), 'c2')]);
    expect(clash.refused.map((r) => [r.reason, r.rowId])).toEqual([['slot_taken', '["ap2"]']]);
    const other = await b.pushOk([insert('appointments', appointment('ap3', 'st2', '2025-03-10T09:45:00.000Z', '2025-03-10T11:00:00.000Z'), 'c2')]);
    expect(other.refused).toEqual([]);
    const touching = await b.pushOk([insert('appointments', appointment('ap4', 'st1', '2025-03-10T10:15:00.000Z', '2025-03-10T11:00:00.000Z'), 'c2')]);
    expect(touching.refused).toEqual([]);
    // Cancelling frees the time; an overridden appointment holds none.
    await a.pushOk([update('appointments', 'ap1', { status: 'cancelled' }, 'c1')]);
    expect((await b.pushOk([insert('appointments', appointment('ap5', 'st1', '2025-03-10T09:00:00.000Z', '2025-03-10T10:00:00.000Z'), 'c3')])).refused).toEqual([]);
    expect((await b.pushOk([insert('appointments', appointment('ap6', 'st1', '2025-03-10T09:00:00.000Z', '2025-03-10T10:00:00.000Z', { overridden: 'owner' }), 'c3')])).refused).toEqual([]);
    const slots = await cloud.pool.query('SELECT appointment_id FROM appointment_slots WHERE centre_id = $1 ORDER BY appointment_id', [cloud.centreId]);
    expect(slots.rows.map((r: { appointment_id: string }) => r.appointment_id)).toEqual(['["ap3"]', '["ap4"]', '["ap5"]']);
  });

  it('stops a promo code at max_uses and at max_uses_per_client', async () => {
    await a.pushOk([insert('promo_codes', promo('p2', 2, null)), insert('promo_codes', promo('p1c', null, 1))]);
    await a.pushOk([insert('promo_redemptions', redemption('r1', 'p2', 'c1'), 'c1')]);
    await b.pushOk([insert('promo_redemptions', redemption('r2', 'p2', 'c2'), 'c2')]);
    const third = await b.pushOk([insert('promo_redemptions', redemption('r3', 'p2', 'c3'), 'c3')]);
    expect(third.refused.map((r) => r.reason)).toEqual(['promo_limit']);
    // The use past the limit is kept voided (its sale stands), and the desk is sent the voiding.
    const r3 = (await serverRows(cloud.pool, cloud.centreId)).promo_redemptions!.find((row) => row.id === 'r3');
    expect(r3).toMatchObject({ voided: 1 });
    expect((await b.pull(third.refused[0]!.serverSeq)).changes).toMatchObject([{ deskId: 'server', tbl: 'promo_redemptions', rowId: '["r3"]', op: 'update', data: { voided: 1 } }]);
    // A voided redemption gives its use back.
    await a.pushOk([update('promo_redemptions', 'r1', { voided: 1 }, 'c1')]);
    expect((await b.pushOk([insert('promo_redemptions', redemption('r4', 'p2', 'c3'), 'c3')])).refused).toEqual([]);

    await a.pushOk([insert('promo_redemptions', redemption('q1', 'p1c', 'c1'), 'c1')]);
    expect((await b.pushOk([insert('promo_redemptions', redemption('q2', 'p1c', 'c1'), 'c1')])).refused.map((r) => r.reason)).toEqual(['promo_limit']);
    expect((await b.pushOk([insert('promo_redemptions', redemption('q3', 'p1c', 'c2'), 'c2')])).refused).toEqual([]);
  });

  it('refuses a redemption of a pass with no credit left', async () => {
    await a.pushOk([insert('client_passes', clientPass('pass1', 'c1'), 'c1'), insert('credit_ledger', ledger('l0', 'pass1', 2), 'c1')], { group: true });
    await a.pushOk([insert('credit_ledger', ledger('l1', 'pass1', -1), 'c1')]);
    await b.pushOk([insert('credit_ledger', ledger('l2', 'pass1', -1), 'c1')]);
    const third = await b.pushOk([insert('bookings', booking('pb', 'o1', 'c1', { status: 'cancelled' }), 'c1'), insert('credit_ledger', ledger('l3', 'pass1', -1), 'c1')], { group: true });
    expect(third.refused.map((r) => [r.reason, r.tbl, r.rowId])).toEqual([['no_credit', 'credit_ledger', '["l3"]']]);
    const balance = await cloud.pool.query<{ balance: string }>('SELECT balance FROM pass_balances WHERE centre_id = $1 AND client_pass_id = $2', [cloud.centreId, 'pass1']);
    expect(Number(balance.rows[0]!.balance)).toBe(0);
    expect((await serverRows(cloud.pool, cloud.centreId)).bookings!.map((r) => r.id)).not.toContain('pb');
  });

  it('refuses a second tag of the same name, and frees a name when its tag is renamed or deleted', async () => {
    await a.pushOk([insert('tags', tag('t1', 'VIP'))]);
    const dup = await b.pushOk([insert('tags', tag('t2', 'vip'))]);
    expect(dup.refused.map((r) => [r.reason, r.rowId])).toEqual([['duplicate', '["t2"]']]);
    await a.pushOk([update('tags', 't1', { name: 'Gold', name_key: 'gold' })]);
    expect((await b.pushOk([insert('tags', tag('t3', 'VIP'))])).refused).toEqual([]);
    await a.pushOk([{ tbl: 'tags', rowId: '["t3"]', op: 'delete', data: null, subject: null }]);
    expect((await b.pushOk([insert('tags', tag('t4', 'VIP'))])).refused).toEqual([]);
  });

  it('refuses the same client booked twice into one session, but not after the first is cancelled', async () => {
    await a.pushOk([insert('occurrences', occurrence('o9', 10)), insert('bookings', booking('d1', 'o9', 'c2'), 'c2')]);
    expect((await b.pushOk([insert('bookings', booking('d2', 'o9', 'c2'), 'c2')])).refused.map((r) => r.reason)).toEqual(['duplicate']);
    await a.pushOk([update('bookings', 'd1', { status: 'cancelled' }, 'c2')]);
    expect((await b.pushOk([insert('bookings', booking('d3', 'o9', 'c2'), 'c2')])).refused).toEqual([]);
  });

  it('gives one place to exactly one of many desks pushing at the same moment, in a gapless order', async () => {
    await a.pushOk([insert('occurrences', occurrence('race', 1))]);
    const desks = await Promise.all(Array.from({ length: 6 }, async (_, i) => fakeDesk(cloud.url, await cloud.newDeskKey(`r${i}`), `racer-${i}`)));
    const answers = await Promise.all(desks.map((desk, i) => desk.pushOk([insert('bookings', booking(`race-${i}`, 'race', `c${(i % 3) + 1}`, { client_id: `rc${i}` }), 'c1')])));
    expect(answers.filter((answer) => answer.refused.length === 0)).toHaveLength(1);
    expect(answers.flatMap((answer) => answer.refused.map((r) => r.reason))).toEqual(Array(5).fill('place_taken'));
    const bookings = (await serverRows(cloud.pool, cloud.centreId)).bookings!.filter((r) => r.occurrence_id === 'race');
    expect(bookings).toHaveLength(1);
    const seqs = (await a.pull(0, 2000)).changes.map((c) => c.serverSeq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });
});
