import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { TimeRange } from '../../src-shared/domain/appointments';
import { demoRandom } from '../../src-main/cli/demo-data';
import { overlapsBusy } from '../../src-main/engine/appointments/busy';
import { fitsHours } from '../../src-main/engine/appointments/fits-hours';
import type { BusyInterval, ComputedSlot, SlotQuery } from '../../src-main/engine/appointments/free-slots';
import { freeSlots } from '../../src-main/engine/appointments/free-slots';
import { addDays, localToInstant } from '../../src-main/engine/time/local-time';

const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (m: number): string => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** A wall time (minutes from the date's midnight) as Temporal reads it, independent of the engine's offset tables. */
const walls = new Map<string, { compatible: number; exists: boolean }>();
function temporalWall(date: string, minutes: number, timeZone: string): { compatible: number; exists: boolean } {
  const key = `${timeZone} ${date} ${minutes}`;
  let found = walls.get(key);
  if (!found) walls.set(key, (found = readWall(date, minutes, timeZone)));
  return found;
}

function readWall(date: string, minutes: number, timeZone: string): { compatible: number; exists: boolean } {
  const day = Temporal.PlainDate.from(date).add({ days: Math.floor(minutes / 1440) });
  const wall = day.toPlainDateTime({ hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 });
  const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  // A time in a spring-forward gap comes back as another wall time; a repeated one as itself (its first instant).
  return { compatible: zoned.epochMilliseconds, exists: zoned.toPlainDateTime().equals(wall) };
}

/**
 * The rules read literally with Temporal, one conversion per candidate: slow but obviously right. A range
 * opens and closes at its bounds read with Temporal's 'compatible'; candidates are the wall times from its
 * start by the step that exist (a repeated one at its first instant); a slot fits when it starts at or after
 * the opening and its real end is at or before the closing.
 */
function referenceSlots(q: SlotQuery): ComputedSlot[] {
  const slots: ComputedSlot[] = [];
  const existing = (date: string, m: number) => {
    const wall = temporalWall(date, m, q.timeZone);
    return wall.exists ? wall.compatible : null;
  };
  for (const { date, ranges } of q.days) {
    if (date > q.lastDate) continue;
    const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
    for (const range of sorted) {
      const [sh, sm] = range.start.split(':').map(Number) as [number, number];
      const [eh, em] = range.end.split(':').map(Number) as [number, number];
      const start = sh * 60 + sm;
      const end = eh * 60 + em;
      const opens = temporalWall(date, start, q.timeZone).compatible;
      const closes = temporalWall(date, end, q.timeZone).compatible;
      for (let m = start; m < end; m += q.stepMin) {
        const startMs = existing(date, m);
        if (startMs === null) continue; // in the gap
        const endMs = startMs + q.durationMin * 60_000;
        if (startMs < opens || endMs > closes || startMs < q.earliestStartMs) continue;
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
      const slots = freeSlots(q);
      expect(slots).toEqual(referenceSlots(q));
      // Whatever slots.find offers, the booking check accepts as inside the hours.
      const rangesOn = new Map(days.map((d) => [d.date, d.ranges]));
      for (const slot of slots) expect(fitsHours(slot.startMs, slot.endMs, slot.localDate, rangesOn.get(slot.localDate)!, timeZone)).toBe(true);
    }
  });
});

describe('slots and the booking check read a daylight-saving day the same way', () => {
  const ms = (iso: string) => Date.parse(iso);
  const query = (timeZone: string, date: string, range: TimeRange, durationMin: number, stepMin: number): SlotQuery => ({
    timeZone,
    days: [{ date, ranges: [range] }],
    durationMin,
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    stepMin,
    earliestStartMs: 0,
    lastDate: '2199-12-31',
    busy: [],
  });

  it('Madrid 2027-10-31 (fall-back), 01:30–03:30, 60 minutes: 02:45 CEST ends at 02:45 CET, inside the range, and is offered', () => {
    const range = { start: '01:30', end: '03:30' };
    const q = query('Europe/Madrid', '2027-10-31', range, 60, 15);
    const slots = freeSlots(q);
    expect(slots).toEqual(referenceSlots(q));
    // 01:30 CEST is 23:30Z; the range closes at 03:30 CET, 02:30Z: three real hours.
    expect(slots.map((s) => [s.localStart, new Date(s.startMs).toISOString().slice(11, 16), new Date(s.endMs).toISOString().slice(11, 16)])).toEqual([
      ['01:30', '23:30', '00:30'],
      ['01:45', '23:45', '00:45'],
      ['02:00', '00:00', '01:00'],
      ['02:15', '00:15', '01:15'],
      ['02:30', '00:30', '01:30'],
      ['02:45', '00:45', '01:45'],
    ]);
    expect(fitsHours(ms('2027-10-31T00:45Z'), ms('2027-10-31T01:45Z'), '2027-10-31', [range], 'Europe/Madrid')).toBe(true);
    // 03:00 CET (02:00Z) would end at 03:00Z, after the range: refused by both.
    expect(fitsHours(ms('2027-10-31T02:00Z'), ms('2027-10-31T03:00Z'), '2027-10-31', [range], 'Europe/Madrid')).toBe(false);
  });

  it('Santiago 2028-09-03 (spring-forward at 00:00), 00:30–04:00: the range opens at 01:30 −03, for slots and bookings', () => {
    const range = { start: '00:30', end: '04:00' };
    const q = query('America/Santiago', '2028-09-03', range, 60, 30);
    const slots = freeSlots(q);
    expect(slots).toEqual(referenceSlots(q));
    // 00:30 is in the gap: read as Temporal's 'compatible' does, 01:30 −03 (04:30Z).
    expect(slots.map((s) => s.localStart)).toEqual(['01:30', '02:00', '02:30', '03:00']);
    expect(slots[0]!.startMs).toBe(ms('2028-09-03T04:30Z'));
    expect(fitsHours(ms('2028-09-03T04:00Z'), ms('2028-09-03T05:00Z'), '2028-09-03', [range], 'America/Santiago')).toBe(false);
    for (const s of slots) expect(fitsHours(s.startMs, s.endMs, '2028-09-03', [range], 'America/Santiago')).toBe(true);
  });

  it('Santiago 2026-04-04 (fall-back at 24:00), 22:00–24:00, 90 minutes: starts run into the repeated hour while they end by midnight', () => {
    const q = query('America/Santiago', '2026-04-04', { start: '22:00', end: '24:00' }, 90, 30);
    expect(freeSlots(q)).toEqual(referenceSlots(q));
    // Midnight is 04:00Z; 23:30 −03 (02:30Z) + 90 real minutes = 04:00Z.
    expect(freeSlots(q).map((s) => s.localStart)).toEqual(['22:00', '22:30', '23:00', '23:30']);
  });
});
