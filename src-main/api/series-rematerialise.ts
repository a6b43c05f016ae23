import type { AffectedBooking } from '../../src-shared/domain/agenda';
import type { WriteTx } from '../db/database';
import { liveBookingsOf } from '../db/queries/affected';
import { materialiseUntil, occurrenceLocalTimes, occurrenceRow, recurrenceOf, timingOf } from '../db/queries/materialise';
import { cancelOccurrence, insertOccurrences, seriesOccurrencesFrom, updateOccurrence } from '../db/queries/occurrences';
import { updateSeries } from '../db/queries/series';
import type { OccurrencesTable, SeriesTable } from '../db/tables/agenda';
import { expandOccurrences } from '../engine/recurrence/weekly-rule';

/** Which per-occurrence copies a series-wide change overwrites. */
export interface CopiedChanges {
  title?: string;
  organizerId?: string;
  places?: number | null;
  timing: boolean;
}

/**
 * After a series changed, brings its occurrences from `from` on in line with it (matched by the date
 * the rule gave them): an occurrence on a date the rule still has keeps its row and bookings (moved to the new time); one on a date it no
 * longer has is cancelled, bookings kept; new dates get rows. Returns the clients to tell.
 */
export async function rematerialise(
  tx: WriteTx,
  series: SeriesTable,
  from: string,
  changes: CopiedChanges,
  today: string,
  now: string,
): Promise<AffectedBooking[]> {
  const timing = timingOf(series);
  const recurrence = recurrenceOf(series);
  const until = materialiseUntil(timing, recurrence, today);
  const expected = new Map(expandOccurrences(timing, recurrence, { from, to: until }).map((o) => [o.localDate, o]));
  const existing = await seriesOccurrencesFrom(tx, series.id, from);

  const affected: AffectedBooking[] = [];
  for (const row of existing) {
    const next = expected.get(row.series_date);
    expected.delete(row.series_date);
    // A cancelled occurrence stays cancelled, and its date gets no new row (it would bring it back).
    if (row.status === 'cancelled') continue;
    if (!next) {
      await cancelOccurrence(tx, row.id, now);
      affected.push(...(await liveBookingsOf(tx, row, null)));
      continue;
    }
    const patch: Partial<OccurrencesTable> = {};
    // An occurrence moved on its own keeps its own day and time.
    if (changes.timing && row.edited === 0) {
      Object.assign(patch, occurrenceLocalTimes(next.startsAt, series.time_zone));
      patch.starts_at = next.startsAt.toISOString();
      patch.ends_at = next.endsAt.toISOString();
    }
    if (changes.title !== undefined) patch.title = changes.title;
    if (changes.organizerId !== undefined) patch.organizer_id = changes.organizerId;
    if (changes.places !== undefined) patch.places = changes.places;
    if (Object.keys(patch).length === 0) continue;
    await updateOccurrence(tx, row.id, patch, now);
    if (patch.starts_at !== undefined && patch.starts_at !== row.starts_at) {
      affected.push(...(await liveBookingsOf(tx, row, patch.starts_at)));
    }
  }
  await insertOccurrences(
    tx,
    [...expected.values()].map((o) => occurrenceRow(series, o, now)),
  );
  await updateSeries(tx, series.id, { materialised_until: until });
  return affected;
}
