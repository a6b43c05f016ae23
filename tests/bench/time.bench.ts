import type { SeriesTiming, WeeklyRecurrence } from '../../src-main/engine/recurrence/weekly-rule';
import { expandOccurrences } from '../../src-main/engine/recurrence/weekly-rule';
import { instantToLocal } from '../../src-main/engine/time/local-time';
import type { BenchResult } from './stats';
import { sample, summarize } from './stats';

/**
 * The time engine's two hot loops, measured here rather than asserted in unit tests (a timing under
 * load is no test): recurrence.expand — one year of a Monday/Wednesday series in Madrid (105
 * occurrences), under 2 ms; localtime.convert — 10,000 instants to Santiago's local time (a zone
 * with DST both ways), under 50 ms.
 */
export async function timeBench(): Promise<BenchResult[]> {
  const timing: SeriesTiming = { startDate: '2025-01-06', startTime: '09:00', durationMin: 60, timeZone: 'Europe/Madrid' };
  const rule: WeeklyRecurrence = { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'never' } };
  const window = { from: '2025-01-06', to: '2026-01-05' };
  // Each sample is the mean of 10 expansions (as the unit test's limit was): one expansion is a third of a
  // millisecond, so a lone sample is mostly the clock and the garbage collector.
  const batch = 10;
  const expand = (await sample(100, () => {
    for (let i = 0; i < batch; i++) expandOccurrences(timing, rule, window);
  }, 10)).map((ms) => ms / batch);

  const base = Date.UTC(2025, 0, 1);
  const instants = Array.from({ length: 10_000 }, (_, i) => new Date(base + i * 3_133_000));
  const convert = await sample(30, () => {
    for (const d of instants) instantToLocal(d, 'America/Santiago');
  }, 3);

  return [summarize('recurrence.expand', expand, 2), summarize('localtime.convert', convert, 50)];
}
