import { openApi } from '../../src-main/api/open-api';
import { benchCaller, dropFeedTriggers, timedSeed, withBenchDb } from './bench-db';
import { floorRatioLine, measureCommitFloor } from './commit-floor.bench';
import { seedCheckout } from './seed-checkout';
import type { BenchResult } from './stats';
import { setCentreFiscal } from '../helpers/fiscal-data';
import { sample, summarize } from './stats';
import { benchSale } from './write-mixes';

const timedSales = 300;
const warmup = 20;

/**
 * checkout.commit (three lines: a Corte paid by the client's pass, a Tinte with the promo, a pass sold)
 * and client.balance (passes.ofClient of a client with 100 passes and 10,000 ledger rows), on a centre
 * with 10,000 clients and 50,000 sales over two years.
 */
export async function checkoutBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('checkout', async (path) => {
    const host = await openApi(path);
    await setCentreFiscal(host);
    const call = benchCaller(host);
    const seeded = await timedSeed(
      log,
      () => seedCheckout(host, { clients: 10_000, sales: 50_000, buyers: 2 * timedSales + warmup, log }),
      (s) => `${s.sales.toLocaleString('en')} sales, ${s.passes.toLocaleString('en')} passes, ${s.ledgerRows.toLocaleString('en')} ledger rows`,
    );

    const commitFor = benchSale(call, seeded);
    // Each sale for a different buyer, so that every one has a credit to spend; the first ones warm up.
    for (let i = 0; i < warmup; i++) await commitFor(i);
    const commit = await sample(timedSales, (i) => commitFor(warmup + i), 0);
    const balance = await sample(500, async () => {
      const passes = await call('passes.ofClient', { clientId: seeded.heavyClientId });
      if (passes.length !== 100) throw new Error(`expected 100 passes, got ${passes.length}`);
    });

    // The same sale without the feed, for other buyers: the before/after ratio.
    dropFeedTriggers(host);
    const commitWithoutFeed = await sample(timedSales, (i) => commitFor(warmup + timedSales + i), 0);
    await host.database.close();
    const committed = summarize('checkout.commit', commit, 5);
    // The target (p50 <= 2 × a raw commit), with the floor measured in the same minute on the same disk.
    log(floorRatioLine(committed, summarize('commit.floor', await measureCommitFloor())));
    return [committed, summarize('checkout.commit.feed_off', commitWithoutFeed), summarize('client.balance', balance, 1)];
  });
}
