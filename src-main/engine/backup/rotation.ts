import type { BackupKind } from '../../../src-shared/domain/backups';
import { addDays, weekdayOf } from '../time/local-time';
import { localDate } from '../time/local-date';

/** One backup as rotation sees it. */
export interface RotationCandidate {
  id: string;
  /** When it was made, ISO UTC. */
  at: string;
  kind: BackupKind;
  /** Checked and found whole; a damaged one never takes the place of a good one. */
  usable: boolean;
  /** Always kept (the file a restore can still be undone with). */
  pinned?: boolean;
}

export interface RotationPolicy {
  /** Every backup of the last N hours, whatever else: one made before a risky change survives the closing one that day. */
  withinHours: number;
  /** The newest backup of each of the last N days (weeks, months) that have one. */
  daily: number;
  weekly: number;
  monthly: number;
  /** Backups made before a migration, an update or a restore: kept this many days… */
  specialDays: number;
  /** …and, however old, the newest N of each of those kinds. */
  specialNewest: number;
  /** A damaged backup stays this many days (so the list can show it), then goes. */
  damagedDays: number;
}

export const defaultRotation: RotationPolicy = { withinHours: 24, daily: 7, weekly: 4, monthly: 12, specialDays: 30, specialNewest: 3, damagedDays: 7 };

/** The kinds rotated together: the regular safety net, however it was triggered. */
export const rotatedKinds: ReadonlySet<BackupKind> = new Set(['daily', 'close', 'manual']);

const DAY_MS = 86_400_000;

/**
 * Which backups to keep, the rest may be deleted (grandfather-father-son, as restic's
 * --keep-within/--keep-daily/--keep-weekly/--keep-monthly): among the usable daily, close and
 * manual backups, all those of the last `withinHours`, and the newest of each of the last `daily`
 * local days that have one, of the last `weekly` ISO weeks (Monday first) and of the last
 * `monthly` months; one backup may stand for its day, week and month at once. Days are the centre's calendar days in `timeZone`. Pure: same input, same answer.
 */
export function backupsToKeep(backups: readonly RotationCandidate[], now: Date, timeZone: string, policy: RotationPolicy = defaultRotation): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
  const age = (b: RotationCandidate) => now.getTime() - Date.parse(b.at);

  for (const b of newestFirst) {
    if (b.pinned) keep.add(b.id);
    else if (!b.usable && age(b) < policy.damagedDays * DAY_MS) keep.add(b.id);
  }

  const pool = newestFirst.filter((b) => b.usable && rotatedKinds.has(b.kind));
  for (const b of pool) if (age(b) < policy.withinHours * 3_600_000) keep.add(b.id);
  const day = (b: RotationCandidate) => localDate(new Date(b.at), timeZone);
  const week = (b: RotationCandidate) => {
    const date = day(b);
    return addDays(date, 1 - weekdayOf(date));
  };
  const month = (b: RotationCandidate) => day(b).slice(0, 7);
  for (const [period, count] of [
    [day, policy.daily],
    [week, policy.weekly],
    [month, policy.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const b of pool) {
      if (seen.size >= count) break;
      const key = period(b);
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(b.id);
    }
  }

  const special = newestFirst.filter((b) => b.usable && !rotatedKinds.has(b.kind));
  const perKind = new Map<BackupKind, number>();
  for (const b of special) {
    const rank = perKind.get(b.kind) ?? 0;
    perKind.set(b.kind, rank + 1);
    if (rank < policy.specialNewest || age(b) < policy.specialDays * DAY_MS) keep.add(b.id);
  }
  return keep;
}

/**
 * The regular backup is due when the newest usable daily, close or manual backup is a day old or
 * more (or there is none): checked at start and every hour while the app runs.
 */
export function dailyBackupDue(backups: readonly Pick<RotationCandidate, 'at' | 'kind' | 'usable'>[], now: Date): boolean {
  const newest = backups.filter((b) => b.usable && rotatedKinds.has(b.kind)).reduce<number | null>((max, b) => Math.max(max ?? -Infinity, Date.parse(b.at)), null);
  return newest === null || now.getTime() - newest >= DAY_MS;
}
