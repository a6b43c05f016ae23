import type { ApiHost } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { addDays } from '../../src-main/engine/time/local-time';
import { benchCaller } from './bench-db';
import type { SeededAppointments } from './seed-appointments';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';

/**
 * slots.find for "any professional" over a month (31 days) from a random day of the next three weeks: the
 * same measure as appointments.bench's slots.all, callable on any seeded centre (the 10× one:
 * `measureSlotsAll(host, seeded, log, { name: 'slots.all.x10', targetP95Ms: 60 })`).
 */
export async function measureSlotsAll(
  host: ApiHost,
  seeded: Pick<SeededAppointments, 'commonServiceId' | 'today'>,
  log: (line: string) => void,
  options: { name?: string; samples?: number; targetP95Ms?: number } = {},
): Promise<BenchResult> {
  const call = benchCaller(host);
  const random = demoRandom(11);
  const { name = 'slots.all', samples = 100 } = options;
  let offered = 0;
  let calls = 0;
  const timings = await sample(samples, async () => {
    const from = addDays(seeded.today, random.int(0, 20));
    offered += (await call('slots.find', { serviceId: seeded.commonServiceId, from, to: addDays(from, 30) })).length;
    calls += 1;
  });
  log(`${name}: ${(offered / calls).toFixed(0)} free starts per call on average`);
  return summarize(name, timings, options.targetP95Ms);
}
