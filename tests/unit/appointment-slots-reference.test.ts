import { describe, expect, it } from 'vitest';
import type { TimeRange } from '../../src-shared/domain/appointments';
import { demoRandom } from '../../src-main/cli/demo-data';
import { overlapsBusy } from '../../src-main/engine/appointments/busy';
import type { BusyInterval, ComputedSlot, SlotQuery } from '../../src-main/engine/appointments/free-slots';
import { freeSlots } from '../../src-main/engine/appointments/free-slots';
import { addDays, instantToLocal, localToInstant } from '../../src-main/engine/time/local-time';

const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (m: number): string => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** The rules read literally, one careful conversion per candidate: slow but obviously right. */
function referenceSlots(q: SlotQuery): ComputedSlot[] {
  const slots: ComputedSlot[] = [];
  for (const { date, ranges } of q.days) {
    if (date > q.lastDate) continue;
    const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
    for (const range of sorted) {
      const [sh, sm] = range.start.split(':').map(Number) as [number, number];
      const [eh, em] = range.end.split(':').map(Number) as [number, number];
      const start = sh * 60 + sm;
      const end = eh * 60 + em;
      const rangeEnd = end === 1440 ? localToInstant(addDays(date, 1), '00:00', q.timeZone) : localToInstant(date, range.end, q.timeZone);
      for (let m = start; m + q.durationMin <= end; m += q.stepMin) {
        const instant = localToInstant(date, hhmm(m), q.timeZone);
        const back = instantToLocal(instant, q.timeZone);
        if (back.date !== date || back.time !== hhmm(m)) continue; // in the gap
        const startMs = instant.getTime();
        const endMs = startMs + q.durationMin * 60_000;
        if (startMs < q.earliestStartMs || endMs > rangeEnd.getTime()) continue;
        if (overlapsBusy(startMs - q.bufferBeforeMin * 60_000, endMs + q.bufferAfterMin * 60_000, q.busy)) continue;
        slots.push({ startMs, endMs, localDate: date, localStart: hhmm(m) });
      }
    }
  }
  return slots;
}

function randomRanges(random: ReturnType<typeof demoRandom>): TimeRange[] {
  const ranges: TimeRange[] = [];
  let at = random.int(0, 8) * 30;
  while (at < 1440 && ranges.length < 3) {
    const end = Math.min(1440, at + random.int(1, 16) * 15);
    if (random.chance(0.8)) ranges.push({ start: hhmm(at), end: end === 1440 ? '24:00' : hhmm(end) });
    at = end + random.int(0, 6) * 15;
  }
  return random.chance(0.5) ? ranges.reverse() : ranges;
}

describe('freeSlots against a literal reference', () => {
  it.each([
    ['Europe/Madrid', '2026-03-26'],
    ['Europe/Madrid', '2026-10-22'],
    ['America/Santiago', '2026-04-02'],
    ['America/Santiago', '2026-09-03'],
    ['Australia/Lord_Howe', '2026-04-03'],
  ])('gives the same slots in %s around %s (400 random schedules)', (timeZone, first) => {
    const random = demoRandom(first.length * 31 + timeZone.length);
    for (let run = 0; run < 400; run++) {
      const days = Array.from({ length: 6 }, (_, i) => ({ date: addDays(first, i), ranges: randomRanges(random) }));
      const baseMs = localToInstant(first, '00:00', timeZone).getTime();
      const busy: BusyInterval[] = Array.from({ length: random.int(0, 12) }, () => {
        const from = baseMs + random.int(0, 6 * 24 * 4) * 15 * 60_000;
        return { from, to: from + random.int(1, 16) * 15 * 60_000 };
      }).sort((a, b) => a.from - b.from);
      const durationMin = random.pick([20, 30, 45, 50, 60, 90]);
      const q: SlotQuery = {
        timeZone,
        days,
        durationMin,
        bufferBeforeMin: random.pick([0, 0, 5, 10, 15]),
        bufferAfterMin: random.pick([0, 0, 5, 10, 30]),
        stepMin: random.chance(0.5) ? durationMin : random.pick([5, 10, 15, 30]),
        earliestStartMs: baseMs + random.int(0, 48) * 60 * 60_000,
        lastDate: addDays(first, random.int(2, 6)),
        busy,
      };
      expect(freeSlots(q)).toEqual(referenceSlots(q));
    }
  });
});
