import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listChains, readChain } from '../../src-main/db/queries/fiscal-chain';
import { verifyChain } from '../../src-main/engine/fiscal/verify-chain';
import type { Sale } from '../../src-shared/domain/checkout';
import type { TaxBreakdown } from '../../src-shared/domain/fiscal';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { NOW, rows } from './checkout-world';

afterEach(() => vi.useRealTimers());

/** One thing the desk does at the counter. */
type Action =
  | { kind: 'sell'; services: number[]; products: number; cashShare: number; tendered: number; full: boolean }
  | { kind: 'void'; pick: number; cancel: boolean }
  | { kind: 'issueFull'; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sell' as const), services: fc.array(fc.nat(2), { minLength: 0, maxLength: 3 }), products: fc.nat(3), cashShare: fc.nat(100), tendered: fc.nat(2000), full: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat(), cancel: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('issueFull' as const), pick: fc.nat() }) },
);

async function centre(api: TempApi) {
  const service = async (name: string, priceMinor: number, vatRateBp: number) => (await api.call('services.create', { name, durationMin: 30, priceMinor, vatRateBp })).id;
  const services = [await service('Corte', 1795, 2100), await service('Tinte', 4533, 2100), await service('Masaje', 3999, 1000)];
  const product = (await api.call('products.create', { name: 'Champú', priceMinor: 1299, vatRateBp: 2100 })).id;
  return { services, product };
}

async function run(api: TempApi, world: Awaited<ReturnType<typeof centre>>, actions: readonly Action[]): Promise<Sale[]> {
  const sales: Sale[] = [];
  for (const a of actions) {
    if (a.kind === 'sell') {
      const lines = [
        ...a.services.map((i) => ({ kind: 'service' as const, serviceId: world.services[i]! })),
        ...(a.products > 0 ? [{ kind: 'product' as const, productId: world.product, quantity: a.products }] : []),
      ];
      if (lines.length === 0) continue;
      const { totalMinor } = await api.call('checkout.quote', { lines });
      const cash = Math.floor((totalMinor * a.cashShare) / 100);
      const payments = [
        ...(cash > 0 ? [{ method: 'cash' as const, amountMinor: cash }] : []),
        ...(totalMinor - cash > 0 ? [{ method: 'card' as const, amountMinor: totalMinor - cash }] : []),
      ];
      sales.push(
        await api.call('checkout.commit', {
          lines,
          payments,
          ...(cash > 0 ? { cashTenderedMinor: cash + a.tendered } : {}),
          ...(a.full ? { invoiceTo: { name: 'Talleres Norte S.L.', taxId: 'B12345674' } } : {}),
        }),
      );
    } else {
      const paid = sales.filter((s) => s.status === 'paid');
      const sale = paid[a.pick % Math.max(paid.length, 1)];
      if (!sale) continue;
      // Refusals are part of the rules (a replaced ticket is not cancelled, a full invoice not issued twice).
      if (a.kind === 'void') await api.host.invoke('sales.void', { id: sale.id, reason: 'Error de caja', ...(a.cancel ? { document: 'cancel' as const } : {}) });
      else await api.host.invoke('invoices.issueFull', { saleId: sale.id, customer: { name: 'Ana Ruiz', taxId: '12345678Z' } });
      sales[sales.indexOf(sale)] = await api.call('sales.get', { id: sale.id });
    }
  }
  return sales;
}

function sumTaxes(lists: readonly TaxBreakdown[][]): Map<number, { baseMinor: number; taxMinor: number }> {
  const byRate = new Map<number, { baseMinor: number; taxMinor: number }>();
  for (const t of lists.flat()) {
    const entry = byRate.get(t.rateBp) ?? { baseMinor: 0, taxMinor: 0 };
    entry.baseMinor += t.baseMinor;
    entry.taxMinor += t.taxMinor;
    byRate.set(t.rateBp, entry);
  }
  return new Map([...byRate].filter(([, v]) => v.baseMinor !== 0 || v.taxMinor !== 0));
}

describe('any sequence of sales, voids and full invoices', () => {
  it('keeps every chain valid, every series gap-free, and the Z report equal to the day’s documents', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        fixClock(NOW);
        const api = await openTempApi();
        try {
          const world = await centre(api);
          const sales = await run(api, world, actions);

          const db = api.host.database.db;
          for (const key of await listChains(db)) expect(verifyChain(await readChain(db, key))).toMatchObject({ ok: true });

          const numbers = rows<{ series: string; number: number }>(api, 'SELECT series, number FROM invoices ORDER BY series, number');
          const bySeries = new Map<string, number[]>();
          for (const n of numbers) bySeries.set(n.series, [...(bySeries.get(n.series) ?? []), n.number]);
          for (const list of bySeries.values()) expect(list).toEqual(list.map((_, i) => i + 1));

          // Every invoice, full invoice and corrective one has its registration record; every cancellation its own.
          const invoices = sales.flatMap((s) => s.invoices);
          expect(rows(api, "SELECT count(*) AS n FROM fiscal_records WHERE kind = 'alta'")).toEqual([{ n: invoices.length }]);
          expect(rows(api, "SELECT count(*) AS n FROM fiscal_records WHERE kind = 'anulacion'")).toEqual([{ n: invoices.filter((i) => i.cancelled).length }]);

          const current = await api.call('till.current', {});
          if (current === null) return;
          const closed = await api.call('till.close', {
            sessionId: current.id,
            cash: { counts: {}, reason: 'Recuento de prueba' },
            methods: current.methods.filter((m) => m.method !== 'cash').map((m) => ({ method: m.method as 'card', countedMinor: 0, reason: 'Recuento de prueba' })),
          });
          // The till holds the documents that move money (not an F3 replacing a ticket, not one cancelled as never issued).
          const moving = invoices.filter((i) => i.type !== 'F3' && !i.cancelled);
          const expected = closed.methods.reduce((sum, m) => sum + m.expectedMinor, 0) - closed.floatMinor;
          expect(expected).toBe(moving.reduce((sum, i) => sum + i.totalMinor, 0));
          expect(sumTaxes([closed.taxes])).toEqual(sumTaxes(moving.map((i) => i.taxes)));
        } finally {
          await api.close();
        }
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });
});
