import { openApi } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { addDays } from '../../src-main/engine/time/local-time';
import { benchCaller, dropFeedTriggers, timedSeed, withBenchDb } from './bench-db';
import { floorRatioLine, measureCommitFloor } from './commit-floor.bench';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';
import { seedAppointments } from './seed-appointments';
import { measureSlotsAll } from './slots-all-measure';
import { freeAppointmentPicks } from './write-mixes';

/** slots.one, slots.all and appointments.book on 40 professionals with ~150,000 appointments over 3 years. */
export async function appointmentsBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('appointments', async (path) => {
    const host = await openApi(path);
    const call = benchCaller(host);
    const seeded = await timedSeed(
      log,
      () => seedAppointments(host, { clients: 10_000, appointments: 150_000, log }),
      (s) => `${s.staffIds.length} professionals, ${s.occurrences.toLocaleString('en')} occurrences, ${s.appointments.toLocaleString('en')} appointments`,
    );
    const random = demoRandom(7);
    const serviceId = seeded.commonServiceId;
    const { today } = seeded;

    // One professional, two weeks starting somewhere in the next month (the slot picker's view).
    let offered = 0;
    const one = await sample(400, async () => {
      const from = addDays(today, random.int(0, 30));
      offered += (await call('slots.find', { serviceId, staffId: random.pick(seeded.staffIds), from, to: addDays(from, 13) })).length;
    });
    log(`slots.one: ${(offered / (400 + 20)).toFixed(0)} free starts per call on average`);
    // "Any professional", a month: the measure the scale bench also runs at 10×.
    const all = await measureSlotsAll(host, seeded, log, { targetP95Ms: 50 });

    // Book in slots found beforehand, for different clients; chosen so no two of them collide.
    // 320 timed with the feed (20 of them warm-up), 300 more without it.
    const picks = await freeAppointmentPicks(call, { ...seeded, serviceId }, random, 640);
    const clients = [...seeded.clientIds];
    const bookOne = (i: number) => call('appointments.book', { clientId: clients[(i * 37) % clients.length]!, serviceId, ...picks[i]! });
    for (let i = 0; i < 20; i++) await bookOne(i);
    const book = await sample(300, (i) => bookOne(i + 20), 0);

    dropFeedTriggers(host);
    const bookWithoutFeed = await sample(300, (i) => bookOne(i + 340), 0);
    await host.database.close();
    const booked = summarize('appointments.book', book, 5);
    // Compared with a raw commit measured in the same minute on the same disk (the issue reports it beside sessions.book).
    log(floorRatioLine(booked, summarize('commit.floor', await measureCommitFloor())));
    return [
      summarize('slots.one', one, 2),
      all,
      booked,
      summarize('appointments.book.feed_off', bookWithoutFeed),
    ];
  });
}
