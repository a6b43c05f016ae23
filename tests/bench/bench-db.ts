import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiHost } from '../../src-main/api/open-api';

/** Runs a bench on a database file in a fresh temp folder (`label` names it), removed afterwards. */
export async function withBenchDb<T>(label: string, run: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `mostrador-bench-${label}-`));
  try {
    return await run(join(dir, 'mostrador.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A call that must succeed during a bench: its value, or an error naming the call and the refusal. */
export function benchCaller(host: Pick<ApiHost, 'invoke'>) {
  return async <C extends CallName>(name: C, input: CallInput<C>): Promise<CallResult<C>> => {
    const result = await host.invoke(name, input);
    if (!result.ok) throw new Error(`${name} refused during the bench: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

/** Seeds, then logs "seeded <what the seed made> in N s". */
export async function timedSeed<T>(log: (line: string) => void, seed: () => Promise<T>, made: (seeded: T) => string): Promise<T> {
  const start = performance.now();
  const seeded = await seed();
  log(`seeded ${made(seeded)} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return seeded;
}

/**
 * Drops the change feed's triggers in a bench's own copy, so the same call can be timed without
 * the feed (the before/after ratio). Run it last: everything after it writes no feed.
 */
export function dropFeedTriggers(host: Pick<ApiHost, 'database'>): void {
  const sqlite = host.database.sqlite;
  const names = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'feed\\_%' ESCAPE '\\'").pluck().all() as string[];
  for (const name of names) sqlite.exec(`DROP TRIGGER "${name}"`);
}
