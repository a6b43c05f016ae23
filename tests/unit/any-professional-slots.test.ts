import { describe, expect, it } from 'vitest';
import type { SlotQuery } from '../../src-main/engine/appointments/free-slots';
import { SlotMerger } from '../../src-main/engine/appointments/merge-slots';
import { StartCoverage, windowsAround } from '../../src-main/engine/appointments/start-coverage';

const MIN = 60_000;
const offer = (staffId: string, scheduleId = `${staffId}-s`) => ({ staffId, staffName: staffId.toUpperCase(), scheduleId });
const hours = (start: string, end: string): SlotQuery => ({
  timeZone: 'UTC',
  days: [{ date: '2027-03-08', ranges: [{ start, end }] }],
  durationMin: 30,
  bufferBeforeMin: 0,
  bufferAfterMin: 0,
  stepMin: 30,
  earliestStartMs: 0,
  lastDate: '2099-12-31',
  busy: [],
});
const at = (time: string) => Date.parse(`2027-03-08T${time}:00Z`);

describe('SlotMerger', () => {
  it('keeps the first professionals of a start, one option each, and only says more are free', () => {
    const merger = new SlotMerger(2);
    const start = at('10:00');
    merger.add(offer('ana'), start, start + 30 * MIN, '2027-03-08', 600);
    // Ana's second schedule at the same start: still one option (the first schedule's).
    merger.add(offer('ana', 'ana-long'), start, start + 60 * MIN, '2027-03-08', 600);
    merger.add(offer('bea'), start, start + 30 * MIN, '2027-03-08', 600);
    merger.add(offer('carla'), start, start + 30 * MIN, '2027-03-08', 600);
    merger.add(offer('ana'), at('09:30'), at('10:00'), '2027-03-08', 570);
    expect(merger.foundAt(start)).toBe(3);
    expect(merger.slots()).toEqual([
      { startsAt: '2027-03-08T09:30:00.000Z', localDate: '2027-03-08', localStart: '09:30', options: [{ ...offer('ana'), endsAt: '2027-03-08T10:00:00.000Z' }] },
      {
        startsAt: '2027-03-08T10:00:00.000Z',
        localDate: '2027-03-08',
        localStart: '10:00',
        options: [
          { ...offer('ana'), endsAt: '2027-03-08T10:30:00.000Z' },
          { ...offer('bea'), endsAt: '2027-03-08T10:30:00.000Z' },
        ],
        moreOptions: true,
      },
    ]);
  });
});

describe('StartCoverage', () => {
  it('keeps a start open until enough are found or every schedule that could offer it was examined', () => {
    const coverage = new StartCoverage();
    coverage.add('morning', () => hours('10:00', '11:00'));
    coverage.add('morning', () => hours('10:00', '11:00'));
    coverage.add('late', () => hours('10:30', '11:30'));
    const found = new Map<number, number>();
    const open = () => coverage.open((ms) => found.get(ms) ?? 0, 2);
    expect(open()).toEqual({ starts: [at('10:00'), at('10:30'), at('11:00')], dates: new Set(['2027-03-08']), groups: new Set(['morning', 'late']) });
    // Both morning schedules examined, one free at 10:00 and both at 10:30: 10:00 is complete (nobody else
    // could offer it), 10:30 has enough, 11:00 waits for the late one.
    coverage.examined('morning');
    coverage.examined('morning');
    found.set(at('10:00'), 1).set(at('10:30'), 2);
    expect(open()).toEqual({ starts: [at('11:00')], dates: new Set(['2027-03-08']), groups: new Set(['late']) });
    coverage.examined('late');
    expect(open().starts).toEqual([]);
  });

  it('walks the hours of a group once', () => {
    const coverage = new StartCoverage();
    let walks = 0;
    for (let i = 0; i < 400; i++) coverage.add('usual', () => (walks++, hours('09:00', '14:00')));
    expect(walks).toBe(1);
  });
});

describe('windowsAround', () => {
  it('spans each start from the longest buffer before to the longest appointment after, joining near ones', () => {
    const starts = [at('10:00'), at('10:30'), at('16:00')];
    expect(windowsAround(starts, 15 * MIN, 70 * MIN)).toEqual([
      { from: at('09:45'), to: at('11:40') },
      { from: at('15:45'), to: at('17:10') },
    ]);
    expect(windowsAround(starts, 15 * MIN, 70 * MIN, 6 * 60 * MIN)).toEqual([{ from: at('09:45'), to: at('17:10') }]);
  });
});
