import { join } from 'node:path';
import { agendaBench } from './agenda.bench';
import { clientsBench } from './clients.bench';
import { uiMonthBench } from './ui-month.bench';
import type { BenchResult } from './stats';
import { formatTable, meetsTarget, writeResults } from './stats';

/** Every bench module, in order: each later issue appends its own. */
const benches: { name: string; run: (log: (line: string) => void) => Promise<BenchResult[]> }[] = [
  { name: 'clients', run: clientsBench },
  { name: 'agenda', run: agendaBench },
  { name: 'ui', run: uiMonthBench },
];

const results: BenchResult[] = [];
for (const bench of benches) {
  const log = (line: string) => process.stdout.write(`[${bench.name}] ${line}\n`);
  log('running…');
  results.push(...(await bench.run(log)));
}

const path = join(import.meta.dirname, '../../bench-results.json');
writeResults(path, results);
process.stdout.write(`\n${formatTable(results)}\n\nwritten to ${path}\n`);
const missed = results.filter((r) => !meetsTarget(r));
if (missed.length > 0) {
  process.stdout.write(`targets missed: ${missed.map((r) => r.name).join(', ')}\n`);
  process.exitCode = 1;
}
