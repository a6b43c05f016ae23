/**
 * Several desks at once, each in its own OS process on one database file. The test calls
 * `runWorkers`; each worker script calls `runDesk`. A worker opens the file, says it is ready and
 * waits for the go, so that every desk starts at once; then it works and sends back its report.
 */
import { fork } from 'node:child_process';
import type { ApiHost } from '../../src-main/api/open-api';
import { openApi } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';

interface WorkerArgs<I> {
  dbPath: string;
  seed: number;
  ops: number;
  input: I;
}

/** What a worker gets: the open API, how many operations to run, the test's input, its own seeded random. */
export interface Desk<I> {
  host: ApiHost;
  ops: number;
  input: I;
  /** In [0, 1), the same sequence for the same seed (mulberry32). */
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
}

/** In a worker script: opens the database, waits for the go, runs `work` and sends its report to the parent. */
export function runDesk<I, R>(work: (desk: Desk<I>) => Promise<R>): void {
  const { dbPath, seed, ops, input } = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs<I>;
  // The small seed spread over 32 bits (Knuth's multiplier) first.
  const { next: random, pick } = demoRandom(seed * 2654435761);
  const main = async () => {
    const host = await openApi(dbPath);
    const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
    process.send!('ready');
    await go;
    const report = await work({ host, ops, input, random, pick });
    await host.database.close();
    process.send!(report);
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  });
}

function forkWorker<I, R>(script: string, index: number, args: WorkerArgs<I>): { ready: Promise<void>; go: () => void; stop: () => void; done: Promise<R> } {
  const child = fork(script, [JSON.stringify(args)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let report: R | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.on('message', (message) => {
    if (message === 'ready') markReady();
    else report = message as R;
  });
  const done = new Promise<R>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 && report ? resolve(report) : reject(new Error(`worker ${index} exited ${code}: ${stderr}`))));
  });
  return { ready, go: () => child.send('go'), stop: () => child.kill(), done };
}

/**
 * Forks `workers` copies (four desks unless told) of a worker script on the database at `dbPath`
 * (worker i gets seed i + 1), starts them together once every one has opened the file, and answers
 * their reports.
 */
export async function runWorkers<I, R>(script: string, options: { dbPath: string; workers?: number; ops: number; input: I }): Promise<R[]> {
  const { dbPath, workers = 4, ops, input } = options;
  const runs = Array.from({ length: workers }, (_, i) => forkWorker<I, R>(script, i, { dbPath, seed: i + 1, ops, input }));
  // Every process has opened the file before any of them starts; one that fails first fails the run, and stops the others.
  try {
    await Promise.race([Promise.all(runs.map((r) => r.ready)), Promise.all(runs.map((r) => r.done))]);
  } catch (error) {
    for (const run of runs) run.stop();
    throw error;
  }
  for (const run of runs) run.go();
  return Promise.all(runs.map((r) => r.done));
}
