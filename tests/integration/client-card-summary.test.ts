import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { PassesWorld } from './passes-world';
import { NOW, TODAY, fixClock, passesWorld, sell, tenClassPass, yogaClass } from './passes-world';

let api: TempApi;
let world: PassesWorld;
beforeEach(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world = await passesWorld(api);
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

describe('clients.cardSummary: what the card header shows first', () => {
  it('is empty for a new client', async () => {
    expect(await api.call('clients.cardSummary', { clientId: world.ana })).toEqual({ nextVisit: null, balances: [], pendingCredits: 0, unpaidVisits: 0 });
    expect(await api.refuse('clients.cardSummary', { clientId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' })).toMatchObject({ code: 'not_found', field: 'clientId' });
  });

  it('gives the next visit, live balances, credits pending and visits left unpaid, and follows the sale that pays them', async () => {
    await api.call('settings.update', { checkInMinutesBefore: 1440 });
    const product = await tenClassPass(api, world, { name: 'Bono 10 yoga' });
    const [passId] = await sell(api, world.ana, { kind: 'pass', passProductId: product.id });

    // A class next week booked with its credit left pending; a class today she came to, paid by nothing yet.
    const nextWeek = await yogaClass(api, world, '2027-03-08', '10:00');
    const later = await api.call('sessions.book', { occurrenceId: nextWeek, clientId: world.ana, redeemPass: false });
    const today = await yogaClass(api, world, TODAY, '12:00', { redeemableWithPasses: false, title: 'Yoga al mediodía' });
    const came = await api.call('sessions.book', { occurrenceId: today, clientId: world.ana });
    await api.call('sessions.setAttendance', { bookingId: came.id, status: 'attended' });

    const summary = await api.call('clients.cardSummary', { clientId: world.ana });
    // Today's class is behind her (she came): the next visit is next week's.
    expect(summary.nextVisit).toMatchObject({ kind: 'session', id: later.id, what: 'Yoga', professional: 'Nora Profe', startsAt: '2027-03-08T09:00:00.000Z' });
    expect(summary.balances).toEqual([{ id: passId, kind: 'pass', name: 'Bono 10 yoga', balance: 10, creditsTotal: 10, validUntil: expect.any(String) }]);
    expect(summary.pendingCredits).toBe(1);
    expect(summary.unpaidVisits).toBe(1);

    // Charged at the Caja: no longer unpaid.
    await api.call('checkout.commit', {
      clientId: world.ana,
      lines: [{ kind: 'service', serviceId: world.manicura, bookingId: came.id }],
      payments: [{ method: 'cash', amountMinor: 2000 }],
    });
    expect((await api.call('clients.cardSummary', { clientId: world.ana })).unpaidVisits).toBe(0);
  });
  it('finds the lines that pay a visit through an index, not by reading every sale line', async () => {
    const { sqlite } = api.host.database;
    const seen: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    const spy = vi.spyOn(sqlite, 'prepare').mockImplementation(((source: string) => {
      seen.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare);
    await api.call('clients.cardSummary', { clientId: world.ana });
    spy.mockRestore();
    const touchingLines = seen.filter((source) => source.includes('"sale_lines"'));
    expect(touchingLines.length).toBeGreaterThan(0);
    for (const source of touchingLines) {
      const params = Array.from({ length: (source.match(/\?/g) ?? []).length }, () => 'x');
      const plan = (prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      expect(plan.filter((d) => /^SCAN (l|sale_lines|s|sales)\b/.test(d))).toEqual([]);
    }
  });
});

