import type { FreeSlot } from '../../src-shared/domain/appointments';
import { openApi } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { overlapsBusy } from '../../src-main/engine/appointments/busy';
import type { BusyInterval } from '../../src-main/engine/appointments/free-slots';
import { addDays } from '../../src-main/engine/time/local-time';
import { benchCaller, dropFeedTriggers, timedSeed, withBenchDb } from './bench-db';
import { floorRatioLine, measureCommitFloor } from './commit-floor.bench';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';
import { seedAppointments } from './seed-appointments';

const MINUTE_MS = 60_000;

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
    // "Any professional", a month.
    offered = 0;
    const all = await sample(100, async () => {
      const from = addDays(today, random.int(0, 20));
      offered += (await call('slots.find', { serviceId, from, to: addDays(from, 30) })).length;
    });
    log(`slots.all: ${(offered / (100 + 20)).toFixed(0)} free starts per call on average`);

    // Book in slots found beforehand, for different clients; chosen so no two of them collide.
    // 320 timed with the feed (20 of them warm-up), 300 more without it.
    const wanted = 640;
    const picks: { staffId: string; startsAt: string }[] = [];
    const taken = new Map<string, BusyInterval[]>();
    const scheduleOf = new Map(seeded.schedules.map((s) => [s.staffId, s]));
    while (picks.length < wanted) {
      const staffId = random.pick(seeded.staffIds);
      const from = addDays(today, random.int(1, 60));
      const slots: FreeSlot[] = await call('slots.find', { serviceId, staffId, from, to: addDays(from, 6) });
      const schedule = scheduleOf.get(staffId)!;
      for (let k = 0; k < 3 && slots.length > 0; k++) {
        const slot = random.pick(slots);
        const startMs = Date.parse(slot.startsAt);
        const blocked = { from: startMs - schedule.bufferBeforeMin * MINUTE_MS, to: Date.parse(slot.options[0]!.endsAt) + schedule.bufferAfterMin * MINUTE_MS };
        const mine = taken.get(staffId) ?? [];
        if (overlapsBusy(blocked.from, blocked.to, mine)) continue;
        mine.push(blocked);
        taken.set(staffId, mine);
        picks.push({ staffId, startsAt: slot.startsAt });
        if (picks.length === wanted) break;
      }
    }
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
      summarize('slots.all', all, 50),
      booked,
      summarize('appointments.book.feed_off', bookWithoutFeed),
    ];
  });
}
