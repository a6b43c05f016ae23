import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { runWorkers } from '../helpers/spawn-workers';
import type { PromoWorkerInput, PromoWorkerReport } from './promo-concurrency-worker';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

const opsPerWorker = 40;

describe('several desks redeeming the same promo codes at once', () => {
  it('never redeem a code beyond its limits, and number receipts uniquely without gaps', async () => {
    const corte = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1800 })).id;
    const client = async (i: number) => (await api.call('clients.create', { firstName: 'Cliente', lastName: String(i) })).client.id;
    const limitedClients: string[] = [];
    for (let i = 0; i < 8; i++) limitedClients.push(await client(i));
    const perClientClients: string[] = [];
    for (let i = 8; i < 11; i++) perClientClients.push(await client(i));
    const limited = await api.call('promos.create', { code: 'LIMITE', kind: 'percent', value: 10, maxUses: 10, maxUsesPerClient: 2 });
    const perClient = await api.call('promos.create', { code: 'DOSXCLIENTE', kind: 'percent', value: 10, maxUsesPerClient: 2 });

    const reports = await runWorkers<PromoWorkerInput, PromoWorkerReport>(join(import.meta.dirname, 'promo-concurrency-worker.ts'), {
      dbPath: api.path,
      ops: opsPerWorker,
      input: { corte, limitedClients, perClientClients },
    });

    const sqlite = api.host.database.sqlite;
    // Every refusal is a limit reached: no internal errors, no busy database.
    const refusals = reports.flatMap((r) => Object.keys(r.refusals));
    expect(refusals.filter((code) => code !== 'promo_exhausted' && code !== 'promo_client_limit')).toEqual([]);

    // Exactly the uses allowed: 10 in all for LIMITE (8 clients could take 16), 2 for each of 3 clients for DOSXCLIENTE.
    const redemptions = sqlite.prepare('SELECT promo_id, client_id, sale_id, voided FROM promo_redemptions').all() as {
      promo_id: string;
      client_id: string;
      sale_id: string;
      voided: number;
    }[];
    const of = (promoId: string) => redemptions.filter((r) => r.promo_id === promoId);
    expect(of(limited.id)).toHaveLength(10);
    expect(of(perClient.id)).toHaveLength(6);
    const perClientUses = (promoId: string) =>
      of(promoId).reduce((uses, r) => uses.set(r.client_id, (uses.get(r.client_id) ?? 0) + 1), new Map<string, number>());
    for (const uses of perClientUses(limited.id).values()) expect(uses).toBeLessThanOrEqual(2);
    expect([...perClientUses(perClient.id).values()]).toEqual([2, 2, 2]);
    expect((await api.call('promos.list', {})).map((p) => [p.code, p.uses])).toEqual([
      ['DOSXCLIENTE', 6],
      ['LIMITE', 10],
    ]);

    // The desks saw the same: their successful promo sales are exactly the redemptions.
    const sold = reports.flatMap((r) => r.sales);
    expect(sold.filter((s) => s.code === 'LIMITE')).toHaveLength(10);
    expect(sold.filter((s) => s.code === 'DOSXCLIENTE')).toHaveLength(6);
    expect(new Set(redemptions.map((r) => r.sale_id))).toEqual(new Set(sold.filter((s) => s.code !== null).map((s) => s.id)));
    expect(sold.filter((s) => s.code === null).length).toBeGreaterThan(0);

    // Receipt numbers: one per sale, 1..N with no gap and no repeat; no lost sale.
    const numbers = sqlite.prepare('SELECT number FROM sales ORDER BY number').pluck().all() as number[];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers).toHaveLength(sold.length);
    expect(sold.map((s) => s.number).sort((a, b) => a - b)).toEqual(numbers);
    // Totals follow the promo: 16,20 € with a code, 18,00 € without.
    const totals = sqlite.prepare('SELECT id, total_minor, promo_code_id FROM sales').all() as { id: string; total_minor: number; promo_code_id: string | null }[];
    for (const sale of totals) expect(sale.total_minor).toBe(sale.promo_code_id === null ? 1800 : 1620);
  }, 60_000);
});
