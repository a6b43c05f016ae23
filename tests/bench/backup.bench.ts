import { statSync } from 'node:fs';
import { openApi } from '../../src-main/api/open-api';
import { removeBackup } from '../../src-main/db/backup/backup-folder';
import { demoRandom } from '../../src-main/cli/demo-data';
import { benchCaller, timedSeed, withBenchDb } from './bench-db';
import { seedAgenda } from './seed-agenda';
import type { BenchResult } from './stats';
import { summarize } from './stats';

const runs = 5;

/**
 * Backups of the agenda's 3-year data set (40 professionals, 200 series, 150,000 bookings, 10,000
 * clients). backup.run: the whole of "Hacer copia ahora" (the online backup in steps, its check in
 * a worker, the sidecar, the rotation), n runs. sessions.book.during_backup: bookings made while a
 * backup copies the file, each timed from the moment it is asked for — it first waits its turn
 * behind the backup step in progress (as a request from a window or a page does), then books.
 */
export async function backupBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('backup', async (path) => {
    const host = await openApi(path);
    const call = benchCaller(host);
    const seeded = await timedSeed(
      log,
      () => seedAgenda(host, { clients: 10_000, bookings: 150_000, log }),
      (s) => `${s.occurrences.toLocaleString('en')} occurrences, ${s.bookings.toLocaleString('en')} bookings`,
    );
    const fileBytes = statSync(path).size;
    log(`database file: ${(fileBytes / 1e6).toFixed(1)} MB`);

    const totals: number[] = [];
    const copies: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      let copied = 0;
      const watch = setInterval(() => {
        if (!copied && host.backups.progress()?.phase !== 'copying') copied = performance.now() - start;
      }, 2);
      const entry = await host.backups.run('manual');
      clearInterval(watch);
      totals.push(performance.now() - start);
      copies.push(copied);
      if (entry.state !== 'ok') throw new Error(`the bench backup is ${entry.state}`);
      await removeBackup(entry.path);
    }
    log(`backup.run: ${totals.map((ms) => ms.toFixed(0)).join(', ')} ms in all, of which copying ${copies.map((ms) => ms.toFixed(0)).join(', ')} ms (then the check, in a worker)`);

    const random = demoRandom(7);
    const pairs = function* () {
      for (;;) {
        const occurrence = random.pick(seeded.upcoming)!;
        const clientId = random.pick(seeded.clientIds)!;
        const key = `${occurrence.id} ${clientId}`;
        if (seeded.livePairs.has(key)) continue;
        seeded.livePairs.add(key);
        yield { occurrenceId: occurrence.id, clientId };
      }
    };
    const next = pairs();
    const during: number[] = [];
    while (during.length < 300) {
      const backup = host.backups.run('manual');
      let done = false;
      const finished = backup.then((entry) => {
        done = true;
        return entry;
      });
      while (!done) {
        const phase = host.backups.progress()?.phase;
        // Checking runs in a worker and the rest is brief: only the copy shares the desk's thread.
        if (phase !== 'copying') break;
        const start = performance.now();
        // Waits behind the backup step in progress, as a request arriving from a window would.
        await new Promise((resolve) => setImmediate(resolve));
        await call('sessions.book', next.next().value!);
        during.push(performance.now() - start);
      }
      await removeBackup((await finished).path);
    }
    log(`sessions.book.during_backup: ${during.length} bookings while a backup copied pages`);
    await host.close();
    return [summarize('backup.run', totals), summarize('sessions.book.during_backup', during, 10)];
  });
}
