import { join } from 'node:path';
import { openApi } from '../../src-main/api/open-api';
import type { FeedChange } from '../../src-main/db/feed/apply-changes';
import { replayFeed } from '../../src-main/db/feed/replay';
import { openDatabase } from '../../src-main/db/open-database';
import { timedSeed, withBenchDb } from './bench-db';
import { seedAgenda } from './seed-agenda';
import type { BenchResult, SizeResult } from './stats';
import { summarize } from './stats';

const replayed = 100_000;

/**
 * The feed on the agenda's 3-year data set (40 professionals, 200 series, 150,000 bookings, 10,000
 * clients): its size on disk, and feed.replay — its first 100,000 entries applied to an empty
 * database of the same schema (what a replay check, or a new desk's first sync, does).
 */
export async function feedBench(log: (line: string) => void): Promise<{ results: BenchResult[]; sizes: SizeResult[] }> {
  return withBenchDb('feed', async (path) => {
    const host = await openApi(path);
    await timedSeed(
      log,
      () => seedAgenda(host, { clients: 10_000, bookings: 150_000, log }),
      (s) => `${s.occurrences.toLocaleString('en')} occurrences, ${s.bookings.toLocaleString('en')} bookings`,
    );
    const sqlite = host.database.sqlite;
    const entries = Number(sqlite.prepare('SELECT count(*) FROM feed').pluck().get());
    const pages = (name: string) => Number(sqlite.prepare('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?').pluck().get(name));
    const feedBytes = pages('feed') + pages('feed_subject');
    const fileBytes = Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }));
    log(`feed: ${entries.toLocaleString('en')} entries, ${(feedBytes / 1e6).toFixed(1)} MB of a ${(fileBytes / 1e6).toFixed(1)} MB file`);

    const changes = sqlite.prepare('SELECT tbl, row_id, op, data FROM feed ORDER BY seq LIMIT ?').all(replayed) as FeedChange[];
    await host.database.close();
    const samples: number[] = [];
    for (let run = 0; run < 5; run++) {
      const target = await openDatabase(join(path, `../replay-${run}.db`));
      const start = performance.now();
      await replayFeed(target, changes);
      samples.push(performance.now() - start);
      await target.close();
    }
    return {
      results: [summarize('feed.replay', samples)],
      sizes: [{ name: 'feed.size', entries, bytes: feedBytes, file_bytes: fileBytes }],
    };
  });
}
