import Sqlite from 'better-sqlite3';
import { setConnectionPragmas } from '../../src-main/db/open-database';
import { withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';

/**
 * What the disk allows: one single-row INSERT in its own IMMEDIATE transaction, on a fresh file
 * with the app's own pragmas (WAL, synchronous=FULL), prepared once. A write call cannot commit
 * faster than this; the issue asks sessions.book and checkout.commit for p50 <= 2 × its p50.
 */
export async function measureCommitFloor(n = 300): Promise<number[]> {
  return withBenchDb('commit-floor', async (path) => {
    const sqlite = new Sqlite(path, { timeout: 5000 });
    try {
      setConnectionPragmas(sqlite, 5000);
      sqlite.exec('CREATE TABLE floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL, note TEXT NOT NULL)');
      const begin = sqlite.prepare('BEGIN IMMEDIATE');
      const insert = sqlite.prepare('INSERT INTO floor (at, note) VALUES (?, ?)');
      const commit = sqlite.prepare('COMMIT');
      return await sample(n, (i) => {
        begin.run();
        insert.run(new Date().toISOString(), `row ${i}`);
        commit.run();
      });
    } finally {
      sqlite.close();
    }
  });
}

/** "name p50 / floor p50 = ratio (target <= 2)": the check the issue asks for, measured in the same run. */
export function floorRatioLine(entry: BenchResult, floor: BenchResult): string {
  const ratio = entry.p50_ms / floor.p50_ms;
  return `${entry.name} p50 ${entry.p50_ms.toFixed(2)} ms = ${ratio.toFixed(2)} × commit.floor p50 ${floor.p50_ms.toFixed(2)} ms (target <= 2: ${ratio <= 2 ? 'met' : 'NOT met'})`;
}

/** commit.floor: n = 400 raw single-row commits, fsync included. */
export async function commitFloorBench(log: (line: string) => void): Promise<BenchResult[]> {
  const floor = summarize('commit.floor', await measureCommitFloor(400));
  log(`commit.floor p50 ${floor.p50_ms} ms: sessions.book and checkout.commit p50 target <= ${(2 * floor.p50_ms).toFixed(2)} ms`);
  return [floor];
}
