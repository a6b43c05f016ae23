import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TillSession } from '../../src-shared/domain/till';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { fixClock } from '../helpers/fixed-clock';
import type { CheckoutWorld } from './checkout-world';
import { NOW, checkoutWorld } from './checkout-world';

let api: TempApi;
let world: CheckoutWorld;

async function freshApi() {
  fixClock(NOW);
  api = await openTempApi();
  world = await checkoutWorld(api);
}

afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

const dayAt = (day: number) => new Date(Date.parse(NOW) + day * 86_400_000).toISOString();
const dateOf = (day: number) => dayAt(day).slice(0, 10);

/** Closes the open till exactly as expected (cash counted in cents; a negative one with its reason). */
async function closeExactly(session: TillSession): Promise<TillSession> {
  const cash = session.methods.find((m) => m.method === 'cash')!.expectedMinor;
  return api.call('till.close', {
    sessionId: session.id,
    cash: { counts: cash > 0 ? { '1': cash } : {}, ...(cash < 0 ? { reason: 'Devolución sin efectivo' } : {}) },
    methods: session.methods.filter((m) => m.method !== 'cash').map((m) => ({ method: m.method as 'card', countedMinor: Math.max(0, m.expectedMinor), ...(m.expectedMinor < 0 ? { reason: 'Devolución' } : {}) })),
  });
}

const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sell' as const), service: fc.nat(2), method: fc.constantFrom('cash' as const, 'card' as const, 'bizum' as const), split: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
);

describe('reports.sales', () => {
  beforeEach(freshApi);

  it('per day and method equals the sum of that day\'s Z reports, over random sales and voids on several days', async () => {
    await api.close();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ float: fc.constantFrom(0, 5000), actions: fc.array(action, { maxLength: 6 }) }), { minLength: 1, maxLength: 3 }), async (days) => {
        await freshApi();
        try {
          const paid: string[] = [];
          const zs: TillSession[] = [];
          const services = [world.corte, world.tinte, world.manicura];
          for (const [d, day] of days.entries()) {
            fixClock(dayAt(d));
            await api.call('till.open', { floatMinor: day.float });
            for (const a of day.actions) {
              if (a.kind === 'sell') {
                const quote = await api.call('checkout.quote', { lines: [{ kind: 'service', serviceId: services[a.service]! }] });
                const total = quote.totalMinor;
                const payments = a.split && total > 100 ? [{ method: a.method, amountMinor: 100 }, { method: 'cash' as const, amountMinor: total - 100 }] : [{ method: a.method, amountMinor: total }];
                paid.push((await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: services[a.service]! }], payments })).id);
              } else if (paid.length > 0) {
                const [id] = paid.splice(a.pick % paid.length, 1);
                await api.call('sales.void', { id: id!, reason: 'Error al cobrar' });
              }
            }
            zs.push(await closeExactly((await api.call('till.current', {}))!));
          }
          const report = await api.call('reports.sales', { from: dateOf(0), to: dateOf(days.length - 1) });
          for (const z of zs) {
            const reported = report.byDayMethod.filter((r) => r.date === z.businessDate && r.amountMinor !== 0).map((r) => [r.method, r.amountMinor]);
            const fromZ = z.methods.filter((m) => m.salesMinor - m.voidsMinor !== 0).map((m) => [m.method, m.salesMinor - m.voidsMinor]);
            expect(reported).toEqual(fromZ);
            // With the float and no cash in or out, the Z's expected cash is the float plus the report's cash.
            const cash = report.byDayMethod.find((r) => r.date === z.businessDate && r.method === 'cash')?.amountMinor ?? 0;
            expect(z.methods.find((m) => m.method === 'cash')!.expectedMinor).toBe(z.floatMinor + cash);
            // The day's total is its payments, and its documents' total.
            const day = report.byDay.find((r) => r.date === z.businessDate);
            const payments = report.byDayMethod.filter((r) => r.date === z.businessDate).reduce((s, r) => s + r.amountMinor, 0);
            expect(day?.totalMinor ?? 0).toBe(payments);
            expect(z.documents.series.reduce((s, r) => s + r.totalMinor, 0)).toBe(payments);
            expect(z.taxes.reduce((s, t) => s + t.taxMinor, 0)).toBe(day?.taxMinor ?? 0);
          }
        } finally {
          await api.close();
        }
      }),
      { numRuns: 12, endOnFailure: true },
    );
    await freshApi();
  });

  it('adds up by professional, item, method and rate; CSV for Spanish Excel; managers only, at most 366 days', async () => {
    await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: world.corte }, { kind: 'service', serviceId: world.tinte }], payments: [{ method: 'card', amountMinor: 6300 }] });
    const voided = await api.call('checkout.commit', { lines: [{ kind: 'service', serviceId: world.corte }], payments: [{ method: 'cash', amountMinor: 1800 }] });
    await api.call('sales.void', { id: voided.id, reason: 'Error' });
    const report = await api.call('reports.sales', { from: '2027-03-01', to: '2027-03-01' });
    expect(report.byDay).toEqual([{ date: '2027-03-01', salesCount: 2, voidsCount: 1, totalMinor: 6300, taxMinor: expect.any(Number) }]);
    expect(report.byItem.map((i) => [i.description, i.quantity, i.totalMinor])).toEqual([
      ['Tinte', 1, 4500],
      ['Corte', 1, 1800],
    ]);
    expect(report.byProfessional).toEqual([{ staffId: world.desk, name: 'Marta Recepción', lines: 2, quantity: 2, totalMinor: 6300 }]);
    expect(report.byMethod).toEqual([
      { method: 'cash', label: null, payments: 0, amountMinor: 0 },
      { method: 'card', label: null, payments: 1, amountMinor: 6300 },
    ]);
    expect(report.taxes.reduce((s, t) => s + t.baseMinor + t.taxMinor, 0)).toBe(6300);
    const csv = await api.call('reports.salesCsv', { from: '2027-03-01', to: '2027-03-01', table: 'items' });
    expect(csv.fileName).toBe('ventas-por-concepto_2027-03-01_2027-03-01.csv');
    expect(csv.csv).toBe('\uFEFFTipo;Concepto;Cantidad;Total\r\nServicio;Tinte;1;45,00\r\nServicio;Corte;1;18,00\r\n');
    expect(await api.refuse('reports.sales', { from: '2027-01-01', to: '2028-01-05' })).toMatchObject({ code: 'range_too_long' });
    expect(await api.refuse('reports.sales', { from: '2027-03-02', to: '2027-03-01' })).toMatchObject({ code: 'end_before_start' });
    expect(await api.refuse('reports.salesCsv', { from: '2027-03-01', to: '2027-03-01', table: 'nope' })).toMatchObject({ code: 'invalid_choice', field: 'table' });
  });
});
