import { statSync } from 'node:fs';
import { openApi } from '../../src-main/api/open-api';
import { demoDni, demoFirstNames, demoLastNames, demoRandom } from '../../src-main/cli/demo-data';
import { addDays } from '../../src-main/engine/time/local-time';
import { benchCaller, withBenchDb } from './bench-db';
import { agendaMonthMeasure } from './agenda.bench';
import { clientSearchMeasure, searchSampleOf } from './clients.bench';
import { seedScale } from './seed-scale';
import { measureSlotsAll } from './slots-all-measure';
import type { BenchOutput, BenchResult } from './stats';
import { summarize } from './stats';
import { benchSale, freeAppointmentPicks, newBookingPairs } from './write-mixes';

/** One call slower than this is a finding, not something to average: it is timed once (n = 1). */
const SLOW_CALL_MS = 5_000;

/**
 * Like stats.sample, but stops after `budgetMs` of timed calls (with at least 5 samples, or 1 when a
 * call takes over SLOW_CALL_MS): at 10× one call may take minutes (clients.cardSummary did), and the
 * whole run must fit in minutes. The entry's n tells how many ran.
 */
async function sample(n: number, run: (i: number) => unknown, warmup = Math.min(20, n), budgetMs = 30_000): Promise<number[]> {
  for (let i = 0; i < warmup; i++) {
    const start = performance.now();
    await run(i);
    if (performance.now() - start > SLOW_CALL_MS) break;
  }
  const samples: number[] = [];
  const started = performance.now();
  const more = () => (Math.max(0, ...samples) > SLOW_CALL_MS ? samples.length < 1 : samples.length < 5 || performance.now() - started < budgetMs);
  for (let i = 0; i < n && more(); i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}
const pad = (n: number) => String(n).padStart(2, '0');

/** The 1× targets that the issue asks to hold at 10× too (only there: other factors are reported without one). */
const targetsAtTen: Record<string, number> = { 'agenda.month': 15, 'clients.search': 3, 'slots.all': 60, 'db.open': 300 };

/** The factor of `--scale N`, handed over by run.ts (run-one.ts runs a module without arguments). */
export function scaleFactor(): number {
  const factor = Number(process.env.MOSTRADOR_BENCH_SCALE ?? '10');
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`MOSTRADOR_BENCH_SCALE must be a whole number >= 1, not ${process.env.MOSTRADOR_BENCH_SCALE}`);
  return factor;
}

/**
 * The module `scale`: seeds a centre `factor` times the 1× benches (seed-scale.ts), then re-runs the
 * 1× call mixes on it, each entry named `<name>.x<factor>` so run.ts can set it beside its 1× figure.
 * Sample counts are lower than at 1× where one call takes long, so the run fits in minutes.
 */
export async function scaleBench(log: (line: string) => void): Promise<BenchOutput> {
  const factor = scaleFactor();
  return withBenchDb(`scale-x${factor}`, async (path) => {
    let host = await openApi(path);
    const call = benchCaller(host);
    const started = performance.now();
    const seeded = await seedScale(host, factor, log);
    const fileBytes = statSync(path).size;
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}; file ${(fileBytes / 1e6).toFixed(0)} MB`);
    const results: BenchResult[] = [];
    const record = (result: BenchResult) => {
      results.push(result);
      // Logged at once: a slow entry later on must not hide the figures already taken.
      log(`${result.name}: n ${result.n}, p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms`);
    };
    // A shared 1× measure's options at this size: the name suffix, and the 10× target if it has one.
    const measured = (name: string) => ({ suffix: `.x${factor}`, ...(factor === 10 && targetsAtTen[name] !== undefined ? { targetP95Ms: targetsAtTen[name] } : {}) });
    const entry = (name: string, samples: number[]) => record(summarize(`${name}.x${factor}`, samples, factor === 10 ? targetsAtTen[name] : undefined));
    const random = demoRandom(42);

    // agenda.bench.ts's mix: months of the 3 years, the same filters; weeks of everyone; figures.
    const months: { from: string; to: string }[] = [];
    for (let date = addDays(seeded.from, 31); date < addDays(seeded.to, -31); date = addDays(date, 28)) {
      const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
      const range = { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}` };
      if (!months.some((m) => m.from === range.from)) months.push(range);
    }
    // The month view the desk opens (bounded per day) and its filter mix, the 1× measure.
    for (const result of await agendaMonthMeasure(host, months, { staffIds: seeded.staffIds, samples: 60, ...measured('agenda.month') })) record(result);
    entry(
      'agenda.week',
      await sample(100, () => {
        const start = addDays(random.pick(months).from, random.int(0, 20));
        return call('agenda.range', { from: start, to: addDays(start, 6) });
      }, 5),
    );
    entry(
      'agenda.figures',
      await sample(60, () => {
        const range = random.pick(months);
        return call('agenda.figures', random.chance(0.3) ? { ...range, staffIds: [random.pick(seeded.staffIds)] } : range);
      }, 5),
    );

    // clients.bench.ts's six query kinds, built from every 200th client on file.
    for (const result of await clientSearchMeasure(host, searchSampleOf(host.database.sqlite), measured('clients.search'))) record(result);
    entry(
      'clients.create',
      await sample(200, (i) => {
        const [firstName, sex] = random.pick(demoFirstNames);
        return call('clients.create', {
          firstName,
          lastName: `${random.pick(demoLastNames)} ${random.pick(demoLastNames)}`,
          sex,
          phone: `7${String(10_000_000 + i * 7919 + random.int(0, 7000)).padStart(8, '0')}`,
          email: `bench${i}.${random.int(0, 1e6)}@correo.es`,
          taxId: demoDni(80_000_000 + i * 13 + random.int(0, 12)),
        });
      }),
    );

    // appointments.bench.ts's slot searches and bookings.
    const serviceId = seeded.commonServiceId;
    const { today } = seeded;
    entry(
      'slots.one',
      await sample(200, () => {
        const from = addDays(today, random.int(0, 30));
        return call('slots.find', { serviceId, staffId: random.pick(seeded.staffIds), from, to: addDays(from, 13) });
      }, 10),
    );
    // P4's shared measure (the same call mix as appointments.bench), 30 samples: ~0.3 s each at 10×.
    const slotsAll = await measureSlotsAll(host, seeded, log, { name: `slots.all.x${factor}`, samples: 30, ...(factor === 10 ? { targetP95Ms: targetsAtTen['slots.all'] } : {}) });
    record(slotsAll);
    const picks = await freeAppointmentPicks(call, { ...seeded, serviceId }, random, 220);
    const bookOne = (i: number) => call('appointments.book', { clientId: seeded.clientIds[(i * 37) % seeded.clientIds.length]!, serviceId, ...picks[i]! });
    for (let i = 0; i < 20; i++) await bookOne(i);
    entry('appointments.book', await sample(200, (i) => bookOne(i + 20), 0));

    // agenda.bench.ts's bookings of upcoming places, for clients not yet in them.
    const bookPairs = newBookingPairs(seeded, random, 220);
    for (let i = 0; i < 20; i++) await call('sessions.book', bookPairs[i]!);
    entry('sessions.book', await sample(200, (i) => call('sessions.book', bookPairs[i + 20]!), 0));

    // checkout.bench.ts's sale and balance.
    const commitFor = benchSale(call, seeded.checkout);
    for (let i = 0; i < 20; i++) await commitFor(i);
    entry('checkout.commit', await sample(200, (i) => commitFor(20 + i), 0));
    entry('client.balance', await sample(300, () => call('passes.ofClient', { clientId: seeded.checkout.heavyClientId })));

    // card.bench.ts: a client with 500 visits (seeded past appointments moved onto them).
    const cardClient = seeded.clientIds[1]!;
    host.database.sqlite
      .prepare('UPDATE appointments SET client_id = ? WHERE id IN (SELECT id FROM appointments WHERE starts_at < ? ORDER BY starts_at DESC LIMIT 500)')
      .run(cardClient, new Date().toISOString());
    // One untimed pass per part, logged: where the card's time goes at this size.
    for (const [name, run] of [
      ['clients.get', () => call('clients.get', { id: cardClient })],
      ['clients.stats', () => call('clients.stats', { clientId: cardClient })],
      ['clients.cardSummary', () => call('clients.cardSummary', { clientId: cardClient })],
    ] as const) {
      const start = performance.now();
      await run();
      log(`card.open part ${name}: ${(performance.now() - start).toFixed(1)} ms`);
    }
    entry(
      'card.open',
      await sample(40, () =>
        Promise.all([call('clients.get', { id: cardClient }), call('clients.stats', { clientId: cardClient }), call('clients.cardSummary', { clientId: cardClient }), call('customFields.list', {})]),
      5,
      ),
    );

    // The "Hoy" board's data call (ui-today renders it at 1×; its data call has no 1× entry) and the blacklist suggestions over the whole centre.
    entry('today.board', await sample(50, () => call('today.board', { date: addDays(today, random.int(-5, 5)) }), 3));
    entry('blacklist.suggestions', await sample(10, () => call('blacklistSuggestions.list', {}), 1));

    await host.database.close();
    entry(
      'db.open',
      await sample(10, async () => {
        host = await openApi(path);
        await host.database.close();
      }, 2),
    );
    return { results, sizes: [{ name: `scale.x${factor}.file`, entries: seeded.counts.clients ?? 0, bytes: fileBytes, file_bytes: fileBytes }] };
  });
}
