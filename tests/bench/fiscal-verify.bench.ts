import { openApi } from '../../src-main/api/open-api';
import { chainRecords, insertChain } from '../helpers/fiscal-chain';
import { benchCaller, timedSeed, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { percentile } from './stats';

const records = 100_000;
const runs = 3;

/**
 * fiscal.verify over 100,000 VERI*FACTU records in one chain (seeded with the real fingerprint in one
 * transaction, a cancellation every 50): each run reads every record through the contract call and
 * recomputes every fingerprint and link. n is the number of records; p50_ms and p95_ms are the median
 * and the slowest of the runs' totals.
 */
export async function fiscalVerifyBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('fiscal-verify', async (path) => {
    const host = await openApi(path);
    try {
      const call = benchCaller(host);
      await timedSeed(
        log,
        async () => {
          const chain = chainRecords(records, { cancelEvery: 50 });
          insertChain(host.database.sqlite, chain);
          return chain.length;
        },
        (n) => `${n.toLocaleString('en')} chained records`,
      );
      const totals: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const result = await call('fiscal.verify', {});
        totals.push(performance.now() - start);
        if (!result.ok || result.records !== records) throw new Error(`the bench chain does not verify: ${JSON.stringify(result)}`);
      }
      log(`fiscal.verify of ${records.toLocaleString('en')} records: ${totals.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`);
      const round = (ms: number) => Math.round(ms * 1000) / 1000;
      return [{ name: 'fiscal.verify', n: records, p50_ms: round(percentile(totals, 50)), p95_ms: round(percentile(totals, 100)) }];
    } finally {
      await host.close();
    }
  });
}
