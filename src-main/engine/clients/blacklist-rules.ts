import type { BlacklistRules, IncidentKind } from '../../../src-shared/domain/client-stats';

/** Until the centre sets its own: 3 no-shows or 3 late cancellations within 6 months. */
export const defaultBlacklistRules: BlacklistRules = { noShowCount: 3, noShowMonths: 6, lateCancelCount: 3, lateCancelMonths: 6 };

/** The instant `months` calendar months before `now` (31 March − 1 month → 3 March, as Date does; a day either way is fine here). */
export function windowStart(now: string, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Which thresholds the counts reach; a rule whose count is 0 is off. */
export function reasonsFor(counts: { noShows: number; lateCancellations: number }, rules: BlacklistRules): IncidentKind[] {
  const reasons: IncidentKind[] = [];
  if (rules.noShowCount > 0 && counts.noShows >= rules.noShowCount) reasons.push('no_show');
  if (rules.lateCancelCount > 0 && counts.lateCancellations >= rules.lateCancelCount) reasons.push('late_cancellation');
  return reasons;
}
