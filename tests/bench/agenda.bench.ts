import type { CallInput } from '../../src-shared/api/contract';
import { monthGridOf, monthViewInput } from '../../src-shared/agenda/month-view';
import { openApi, type ApiHost } from '../../src-main/api/open-api';
import { demoRandom } from '../../src-main/cli/demo-data';
import { addDays } from '../../src-main/engine/time/local-time';
import { benchCaller, dropFeedTriggers, timedSeed, withBenchDb } from './bench-db';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';
import { newBookingPairs } from './write-mixes';
import { seedAgenda } from './seed-agenda';

const pad = (n: number) => String(n).padStart(2, '0');
function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

type Random = ReturnType<typeof demoRandom>;

/** What the desk filters its agenda by: everyone, "my calendar", a few chosen ones, one kind, recurring only. */
export function deskFilters(random: Random, staffIds: readonly string[]): Partial<CallInput<'agenda.range'>> {
  switch (random.int(0, 5)) {
    case 0:
      return {};
    case 1:
      return { staffIds: [random.pick(staffIds)] };
    case 2:
      return { staffIds: Array.from({ length: 5 }, () => random.pick(staffIds)) };
    case 3:
      return { kinds: ['session'] };
    case 4:
      return { recurrence: 'recurring', kinds: ['session', 'meeting', 'birthday'] };
    default:
      return { kinds: ['session', 'meeting', 'private', 'reminder', 'birthday'] };
  }
}

/**
 * agenda.month: the call the desk makes on opening the month view of one of `months` (everyone, the
 * default kinds with birthdays, the month grid's weeks, bounded per day: monthViewInput, as the
 * renderer sends it); agenda.month.filtered: the same view with the desk's filters. Exported so the
 * scale bench runs the same measure at 10× (names + suffix).
 */
export async function agendaMonthMeasure(
  host: Pick<ApiHost, 'invoke'>,
  months: readonly { from: string }[],
  options: { staffIds: readonly string[]; samples?: number; suffix?: string; targetP95Ms?: number },
): Promise<BenchResult[]> {
  const { staffIds, samples = 200, suffix = '', targetP95Ms = 10 } = options;
  const call = benchCaller(host);
  const random = demoRandom(42);
  const grid = () => monthGridOf(random.pick(months).from);
  const month = await sample(samples, () => call('agenda.range', monthViewInput(grid())));
  const filtered = await sample(samples, () => call('agenda.range', monthViewInput({ ...grid(), ...deskFilters(random, staffIds) })));
  return [summarize(`agenda.month${suffix}`, month, targetP95Ms), summarize(`agenda.month.filtered${suffix}`, filtered)];
}

/**
 * agenda.month, agenda.week, series.create, sessions.book and agenda.figures on 100,000 clients, 40
 * professionals, 200 series over 3 years, 150,000 bookings, and four busy months around today
 * (appointments, meetings, private events): the months and weeks asked for are those.
 */
export async function agendaBench(log: (line: string) => void): Promise<BenchResult[]> {
  return withBenchDb('agenda', async (path) => {
    const host = await openApi(path);
    const call = benchCaller(host);
    const seeded = await timedSeed(
      log,
      () => seedAgenda(host, { clients: 100_000, bookings: 150_000, log, busy: { days: 120, appointmentsPerDay: 7 } }),
      (s) => `${s.clientIds.length.toLocaleString('en')} clients, ${s.staffIds.length} professionals, ${s.occurrences.toLocaleString('en')} occurrences, ${s.bookings.toLocaleString('en')} bookings, ${s.busy!.appointments.toLocaleString('en')} appointments`,
    );

    const random = demoRandom(42);
    const months: { from: string; to: string }[] = [];
    // Whole months inside the busy window: what a month view shows on a working desk.
    const busy = seeded.busy!;
    for (let date = busy.from; date <= busy.to; date = addDays(date, 28)) {
      const range = monthRange(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
      if (range.from >= busy.from && range.to <= busy.to && !months.some((m) => m.from === range.from)) months.push(range);
    }
    const monthViews = await agendaMonthMeasure(host, months, { staffIds: seeded.staffIds });
    // Week views: all professionals (the heaviest), any day of the busy window.
    const week = await sample(300, () => {
      const start = addDays(busy.from, random.int(0, 113));
      return call('agenda.range', { from: start, to: addDays(start, 6) });
    });
    const figures = await sample(200, () => {
      const range = random.pick(months);
      return call('agenda.figures', random.chance(0.3) ? { ...range, staffIds: [random.pick(seeded.staffIds)] } : range);
    });

    // 320 timed with the feed (20 of them warm-up), 300 more without it.
    const bookPairs = newBookingPairs(seeded, random, 640);
    const book = await sample(300, (i) => call('sessions.book', bookPairs[i + 20]!), 0);
    for (let i = 0; i < 20; i++) await call('sessions.book', bookPairs[i]!);

    const today = new Date().toISOString().slice(0, 10);
    const create = await sample(60, (i) =>
      call('series.create', {
        title: `Bench ${i}`,
        organizerId: random.pick(seeded.staffIds),
        startDate: addDays(today, random.int(1, 60)),
        startTime: '18:30',
        durationMin: 60,
        places: 12,
        recurrence: { weekdays: [2, 4], intervalWeeks: 1, end: { kind: 'weeks', weeks: 52 } },
      }),
    );
    dropFeedTriggers(host);
    const bookWithoutFeed = await sample(300, (i) => call('sessions.book', bookPairs[i + 340]!), 0);
    await host.database.close();
    return [
      ...monthViews,
      summarize('agenda.week', week, 5),
      summarize('series.create', create, 20),
      summarize('sessions.book', book, 5),
      summarize('sessions.book.feed_off', bookWithoutFeed),
      summarize('agenda.figures', figures, 20),
    ];
  });
}
