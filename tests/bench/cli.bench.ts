import { execFileSync } from 'node:child_process';
import { withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';

const runs = 20;

/** Today and the next 6 days as local dates: the week the demo centre fills. */
function thisWeek(): { from: string; to: string } {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(0), to: day(6) };
}

/**
 * cli.cold: one whole `npm run -s cli -- api agenda.range …` process on the demo centre (seed-demo), as
 * a script or a person at a terminal runs it: npm, Node's start, the launcher's freshness check, the
 * built CLI, opening the database, the call and the JSON out. The target is on the median (issue 15:
 * p50 <= 300 ms): a whole process's tail is the machine's scheduling more than ours.
 */
export async function cliBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('cli', async (path) => {
    // The first run also builds out/main/cli.js when it is stale, and fills the compile cache.
    execFileSync('npm', ['run', '-s', 'cli', '--', '--db', path, 'seed-demo'], { stdio: ['ignore', 'ignore', 'inherit'] });
    log('seeded the demo centre');
    const args = ['run', '-s', 'cli', '--', '--db', path, 'api', 'agenda.range', JSON.stringify(thisWeek())];
    const samples = await sample(runs, () => execFileSync('npm', args, { stdio: ['ignore', 'pipe', 'inherit'] }), 2);
    return [{ ...summarize('cli.cold', samples), target_p50_ms: 300 }];
  });
}
