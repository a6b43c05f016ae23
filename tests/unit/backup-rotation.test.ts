import { describe, expect, it } from 'vitest';
import type { RotationCandidate } from '../../src-main/engine/backup/rotation';
import { backupsToKeep, dailyBackupDue } from '../../src-main/engine/backup/rotation';

const DAY = 86_400_000;
const zone = 'Europe/Madrid';

/**
 * A year of a desk that is open every day: a closing backup at 15:00 (local 16:00/17:00) and the
 * daily one at 20:00 UTC, rotated after each, as the service does; the clock is the loop's.
 */
function simulateYear(from: string, days: number): { kept: RotationCandidate[]; now: Date } {
  let backups: RotationCandidate[] = [];
  let now = new Date(from);
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.parse(from) + day * DAY).toISOString().slice(0, 10);
    for (const [kind, time] of [
      ['close', '15:00'],
      ['daily', '20:00'],
    ] as const) {
      now = new Date(`${date}T${time}:00.000Z`);
      backups.push({ id: `${date} ${kind}`, at: now.toISOString(), kind, usable: true });
      const keep = backupsToKeep(backups, now, zone);
      backups = backups.filter((b) => keep.has(b.id));
    }
  }
  return { kept: backups, now };
}

describe('backup rotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps exactly the newest of each of the last 7 days, 4 ISO weeks and 12 months after a year, and the last 24 hours', () => {
    const { kept, now } = simulateYear('2026-01-01T00:00:00.000Z', 365);
    expect(now.toISOString()).toBe('2026-12-31T20:00:00.000Z');
    expect(kept.map((b) => b.id).sort()).toEqual(
      [
        // The last 24 hours: today's closing backup too.
        '2026-12-31 close',
        // 7 days: 25 to 31 December (the daily one, each day's newest).
        ...['25', '26', '27', '28', '29', '30', '31'].map((d) => `2026-12-${d} daily`),
        // 4 ISO weeks: those of 28 Dec (the 31st), 21 Dec (the 27th, a Sunday), 14 Dec and 7 Dec.
        '2026-12-20 daily',
        '2026-12-13 daily',
        // 12 months: each month's last day (December's is the 31st).
        '2026-01-31 daily',
        '2026-02-28 daily',
        '2026-03-31 daily',
        '2026-04-30 daily',
        '2026-05-31 daily',
        '2026-06-30 daily',
        '2026-07-31 daily',
        '2026-08-31 daily',
        '2026-09-30 daily',
        '2026-10-31 daily',
        '2026-11-30 daily',
      ].sort(),
    );
  });

  it('rolls over into the next year: January of the year before goes once thirteen months have backups', () => {
    const { kept } = simulateYear('2026-01-01T00:00:00.000Z', 365 + 31);
    const months = kept.map((b) => b.id.slice(0, 7));
    expect(new Set(months).size).toBe(12);
    expect(months).not.toContain('2026-01');
    expect(months).toContain('2026-02');
  });

  it('counts the centre’s calendar days: 23:30 in Madrid is the same day as 00:30 UTC the day after', () => {
    const now = new Date('2026-07-20T12:00:00.000Z');
    const backups: RotationCandidate[] = [
      { id: 'late', at: '2026-07-10T21:30:00.000Z', kind: 'daily', usable: true }, // 23:30 on the 10th, local
      { id: 'early', at: '2026-07-10T20:00:00.000Z', kind: 'daily', usable: true }, // 22:00 on the 10th, local
      { id: 'next', at: '2026-07-10T22:30:00.000Z', kind: 'daily', usable: true }, // 00:30 on the 11th, local
    ];
    expect([...backupsToKeep(backups, now, zone)].sort()).toEqual(['late', 'next']);
    // In UTC all three are the 10th: only the newest stays.
    expect([...backupsToKeep(backups, now, 'UTC')]).toEqual(['next']);
  });

  it('keeps the backups made before a migration, an update or a restore for 30 days, and the newest 3 of each kind for ever', () => {
    const now = new Date('2026-06-01T12:00:00.000Z');
    const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const backups: RotationCandidate[] = [
      { id: 'm1', at: ago(400), kind: 'before-migration', usable: true },
      { id: 'm2', at: ago(300), kind: 'before-migration', usable: true },
      { id: 'm3', at: ago(200), kind: 'before-migration', usable: true },
      { id: 'm4', at: ago(100), kind: 'before-migration', usable: true },
      { id: 'u1', at: ago(40), kind: 'before-update', usable: true },
      { id: 'u2', at: ago(35), kind: 'before-update', usable: true },
      { id: 'u3', at: ago(20), kind: 'before-update', usable: true },
      { id: 'u4', at: ago(10), kind: 'before-update', usable: true },
      { id: 'u5', at: ago(5), kind: 'before-update', usable: true },
      { id: 'r-pinned', at: ago(500), kind: 'before-restore', usable: true, pinned: true },
    ];
    expect([...backupsToKeep(backups, now, zone)].sort()).toEqual(['m2', 'm3', 'm4', 'r-pinned', 'u3', 'u4', 'u5']);
  });

  it('never lets a damaged backup take a good one’s place, and drops it after 7 days', () => {
    const now = new Date('2026-06-01T12:00:00.000Z');
    const backups: RotationCandidate[] = [
      { id: 'good', at: '2026-05-31T20:00:00.000Z', kind: 'daily', usable: true },
      { id: 'damaged-today', at: '2026-06-01T11:00:00.000Z', kind: 'manual', usable: false },
      { id: 'damaged-old', at: '2026-05-20T20:00:00.000Z', kind: 'daily', usable: false },
      { id: 'good-old', at: '2026-05-20T19:00:00.000Z', kind: 'daily', usable: true },
    ];
    expect([...backupsToKeep(backups, now, zone)].sort()).toEqual(['damaged-today', 'good', 'good-old']);
  });

  it('says the daily backup is due when the newest usable regular backup is a day old', () => {
    const now = new Date('2026-06-02T10:00:00.000Z');
    expect(dailyBackupDue([], now)).toBe(true);
    expect(dailyBackupDue([{ at: '2026-06-01T10:00:01.000Z', kind: 'close', usable: true }], now)).toBe(false);
    expect(dailyBackupDue([{ at: '2026-06-01T10:00:00.000Z', kind: 'daily', usable: true }], now)).toBe(true);
    // A damaged one, or one made before an update, is not the day's safety net.
    expect(dailyBackupDue([{ at: '2026-06-02T09:00:00.000Z', kind: 'manual', usable: false }], now)).toBe(true);
    expect(dailyBackupDue([{ at: '2026-06-02T09:00:00.000Z', kind: 'before-update', usable: true }], now)).toBe(true);
  });
});
