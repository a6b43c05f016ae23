import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { fixClock } from '../helpers/fixed-clock';
import type { CheckoutWorld } from './checkout-world';
import { NOW, TODAY, checkoutWorld, rows } from './checkout-world';
import { rowCounts } from './db-inspect';

let api: TempApi;
let world: CheckoutWorld;

beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await checkoutWorld(api);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

/** A Corte (18,00 €) paid in cash with 20 € handed over, or by card. */
async function sellCorte(method: 'cash' | 'card') {
  return api.call('checkout.commit', {
    lines: [{ kind: 'service', serviceId: world.corte }],
    payments: [{ method, amountMinor: 1800, ...(method === 'card' ? { reference: 'VOUCHER-0042' } : {}) }],
    ...(method === 'cash' ? { cashTenderedMinor: 2000 } : {}),
  });
}

async function current() {
  return (await api.call('till.current', {}))!;
}

describe('the till', () => {
  it('opens with a float, takes the day\'s sales, cash in and out, and expects per method', async () => {
    expect(await api.call('till.current', {})).toBeNull();
    const opened = await api.call('till.open', { floatMinor: 10000 });
    expect(opened).toMatchObject({ businessDate: TODAY, state: 'open', floatMinor: 10000, methods: [{ method: 'cash', expectedMinor: 10000 }] });
    await sellCorte('cash');
    await sellCorte('card');
    const voided = await sellCorte('cash');
    await api.call('sales.void', { id: voided.id, reason: 'Cobrado dos veces' });
    await api.call('till.movement', { kind: 'in', amountMinor: 500, reason: 'Cambio del banco' });
    await api.call('till.movement', { kind: 'out', amountMinor: 2000, reason: 'Compra de café' });
    const session = await current();
    expect(session.id).toBe(opened.id);
    // Cash: 100 float + 18 + 18 − 18 (void) + 5 − 20; the change (2 € each) never stayed in the till.
    expect(session.methods).toEqual([
      expect.objectContaining({ method: 'cash', salesMinor: 3600, voidsMinor: 1800, expectedMinor: 10000 + 3600 - 1800 + 500 - 2000 }),
      expect.objectContaining({ method: 'card', salesMinor: 1800, voidsMinor: 0, expectedMinor: 1800 }),
    ]);
    expect(session).toMatchObject({ salesCount: 3, voidsCount: 1, cashInMinor: 500, cashOutMinor: 2000 });
    expect(session.movements.map((m) => m.reason)).toEqual(['Cambio del banco', 'Compra de café']);
    expect(rows<{ till_session_id: string }>(api, 'SELECT till_session_id FROM sales').every((r) => r.till_session_id === opened.id)).toBe(true);
  });

  it('closes with a counted difference and its reason; the Z report has the count, the documents and the taxes', async () => {
    await api.call('till.open', { floatMinor: 5000 });
    await sellCorte('cash');
    await sellCorte('card');
    const voided = await sellCorte('card');
    await api.call('sales.void', { id: voided.id, reason: 'Error al cobrar' });
    const open = await current();
    // Expected cash 68,00 €; counted 67,00 €: a 50 € note, a 10, a 5, a 2 € coin.
    const closed = await api.call('till.close', {
      sessionId: open.id,
      cash: { counts: { '5000': 1, '1000': 1, '500': 1, '200': 1 }, reason: 'Faltan 1 € del cambio' },
      methods: [{ method: 'card', countedMinor: 1800 }],
    });
    expect(closed).toMatchObject({ state: 'closed', zNumber: 1, closedBy: 'Marta Recepción' });
    expect(closed.methods).toEqual([
      expect.objectContaining({ method: 'cash', expectedMinor: 6800, countedMinor: 6700, differenceMinor: -100, reason: 'Faltan 1 € del cambio' }),
      expect.objectContaining({ method: 'card', expectedMinor: 1800, countedMinor: 1800, differenceMinor: 0, reason: null }),
    ]);
    expect(closed.cashCount).toEqual([
      { denominationMinor: 5000, count: 1 },
      { denominationMinor: 1000, count: 1 },
      { denominationMinor: 500, count: 1 },
      { denominationMinor: 200, count: 1 },
    ]);
    // The day's documents: three simplified invoices and the corrective one of the void, in the desk's series.
    const docs = closed.documents;
    expect(docs.series.reduce((n, s) => n + s.count, 0)).toBe(4);
    expect(docs.correctives).toHaveLength(1);
    expect(docs.correctives[0]!.totalMinor).toBe(-1800);
    expect(docs.correctives[0]!.corrects).toMatch(/\S/);
    // Taxes per rate: the three sales less the corrected one (21 % included in 18,00 €: 3,12 €).
    const tax = closed.taxes.reduce((s, t) => s + t.taxMinor, 0);
    const base = closed.taxes.reduce((s, t) => s + t.baseMinor, 0);
    expect(base + tax).toBe(3600);
    expect(await api.call('till.get', { id: open.id })).toEqual(closed);
  });

  it('refuses closing twice, and a new sale on the closed day; the next day\'s till takes it', async () => {
    await api.call('till.open', { floatMinor: 0 });
    const open = await current();
    await api.call('till.close', { sessionId: open.id, cash: { counts: {} }, methods: [] });
    const before = rowCounts(api.host.database.sqlite);
    expect(await api.refuse('till.close', { sessionId: open.id, cash: { counts: {} }, methods: [] })).toMatchObject({ code: 'till_already_closed', field: 'sessionId' });
    const refused = await api.refuse('checkout.commit', { lines: [{ kind: 'service', serviceId: world.corte }], payments: [{ method: 'cash', amountMinor: 1800 }] });
    expect(refused).toMatchObject({ code: 'till_closed', message: 'La caja de hoy ya está cerrada: abre la del día siguiente para cobrar.' });
    expect(await api.refuse('till.movement', { kind: 'in', amountMinor: 100, reason: 'x' })).toMatchObject({ code: 'till_closed' });
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    // Today's closed: "open" opens the next day's, and the new sale goes there.
    expect(await api.refuse('till.open', { floatMinor: 0, businessDate: TODAY })).toMatchObject({ code: 'till_closed', field: 'businessDate' });
    const next = await api.call('till.open', { floatMinor: 2000 });
    expect(next.businessDate).toBe('2027-03-02');
    const sale = await sellCorte('cash');
    expect(rows<{ till_session_id: string }>(api, 'SELECT till_session_id FROM sales WHERE id = ?', sale.id)[0]!.till_session_id).toBe(next.id);
    expect(await api.refuse('till.open', { floatMinor: 2000 })).toMatchObject({ code: 'till_already_open' });
    // Z numbers count per desk.
    const closedNext = await api.call('till.close', { sessionId: next.id, cash: { counts: { '2000': 1, '1000': 1, '500': 1, '200': 1, '100': 1 } }, methods: [] });
    expect(closedNext.zNumber).toBe(2);
  });

  it('opens today\'s till by itself at the first sale (no float); opening it then sets the float', async () => {
    await sellCorte('cash');
    const auto = await current();
    expect(auto).toMatchObject({ businessDate: TODAY, floatMinor: 0, state: 'open' });
    const opened = await api.call('till.open', { floatMinor: 3000 });
    expect(opened).toMatchObject({ id: auto.id, floatMinor: 3000 });
    expect(opened.methods[0]).toMatchObject({ method: 'cash', expectedMinor: 4800 });
  });

  it('asks for every reason and every missing count at once, and a denomination the currency has', async () => {
    await api.call('till.open', { floatMinor: 1000 });
    await sellCorte('card');
    await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: world.manicura }], payments: [{ method: 'bizum', amountMinor: 2000 }] });
    const open = await current();
    const before = rowCounts(api.host.database.sqlite);
    const error = await api.refuse('till.close', { sessionId: open.id, cash: { counts: { '1000': 2, '3': 1 } }, methods: [{ method: 'card', countedMinor: 1700 }] });
    const fields = [error, ...((error as { others?: { field?: string }[] }).others ?? [])].map((e) => (e as { field?: string }).field);
    expect(error.code).toBe('invalid_choice');
    expect(JSON.stringify(error)).toContain('cash.reason');
    expect(JSON.stringify(error)).toContain('methods.0.reason');
    expect(JSON.stringify(error)).toContain('methods.bizum');
    expect(fields[0]).toBe('cash.counts.3');
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect(await api.refuse('till.movement', { kind: 'out', amountMinor: 500, reason: '  ' })).toMatchObject({ code: 'required', field: 'reason' });
    expect(await api.refuse('till.movement', { kind: 'out', amountMinor: 0, reason: 'x' })).toMatchObject({ code: 'out_of_range', field: 'amountMinor' });
    expect(await api.refuse('till.open', { floatMinor: -1 })).toMatchObject({ code: 'out_of_range', field: 'floatMinor' });
  });

  it('lets owners and managers only correct a closed day, added beside the close', async () => {
    const owner = (await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' })).id;
    const desk = (await api.call('staff.create', { name: 'Rita Recepción', role: 'reception' })).id;
    const manager = (await api.call('staff.create', { name: 'Mario Encargado', role: 'manager' })).id;
    await api.call('auth.signIn', { staffId: owner });
    await api.call('staff.setPin', { staffId: owner, pin: '1111' });
    await api.call('staff.setPin', { staffId: desk, pin: '3333' });
    await api.call('staff.setPin', { staffId: manager, pin: '2222' });
    const reception = api.host.openSession();
    await reception.invoke('auth.signIn', { staffId: desk, pin: '3333' });
    const opened = await reception.invoke('till.open', { floatMinor: 1000 });
    expect(opened).toMatchObject({ ok: true });
    const sessionId = (opened as { value: { id: string } }).value.id;
    expect(await reception.invoke('till.correct', { sessionId, method: 'cash', amountMinor: 100, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const boss = api.host.openSession();
    await boss.invoke('auth.signIn', { staffId: manager, pin: '2222' });
    expect(await boss.invoke('till.correct', { sessionId, method: 'cash', amountMinor: 100, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'till_not_closed' } });
    expect(await reception.invoke('till.close', { sessionId, cash: { counts: { '1000': 1 } }, methods: [] })).toMatchObject({ ok: true });
    const lines = rows(api, 'SELECT * FROM till_close_lines WHERE till_session_id = ?', sessionId);
    expect(await boss.invoke('till.correct', { sessionId, method: 'cash', amountMinor: 0, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    const corrected = await boss.invoke('till.correct', { sessionId, method: 'cash', amountMinor: -500, reason: 'Billete falso de 5 €' });
    expect(corrected).toMatchObject({ ok: true, value: { corrections: [{ method: 'cash', amountMinor: -500, reason: 'Billete falso de 5 €', staffName: 'Mario Encargado' }] } });
    expect(rows(api, 'SELECT * FROM till_close_lines WHERE till_session_id = ?', sessionId)).toEqual(lines);
    const list = await reception.invoke('till.list', { from: '2027-01-01', to: '2027-12-31' });
    expect(list).toMatchObject({ ok: true, value: [{ id: sessionId, state: 'closed', zNumber: 1 }] });
    expect(await reception.invoke('till.list', { from: '2027-01-01', to: '2029-01-01' })).toMatchObject({ ok: false, error: { code: 'range_too_long' } });
    expect(await reception.invoke('till.get', { id: '01J00000000000000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
