import { daysBetween, addDays, localToInstant } from '../engine/time/local-time';
import { AppError } from '../errors/app-error';

export const maxRangeDays = 100;
const dayMs = 24 * 60 * 60 * 1000;

/** Local dates `from`..`to` (inclusive) must be in order and span fewer than `limitDays` days. */
export function checkLocalRange(from: string, to: string, limitDays: number): void {
  if (to < from) throw new AppError('end_before_start', 'to');
  if (daysBetween(from, to) >= limitDays) throw new AppError('range_too_long', 'to');
}

/**
 * Local dates (inclusive) of the centre as UTC bounds, plus the earliest start an overlapping
 * occurrence can have (none lasts more than a day), so the starts_at index finds them.
 */
export function localRangeToInstants(from: string, to: string, timeZone: string, limitDays = maxRangeDays) {
  checkLocalRange(from, to, limitDays);
  const start = localToInstant(from, '00:00', timeZone);
  const end = localToInstant(addDays(to, 1), '00:00', timeZone);
  const fromIso = start.toISOString();
  const toIso = end.toISOString();
  const earliestStart = new Date(start.getTime() - dayMs).toISOString();
  return { fromIso, toIso, earliestStart };
}
