import { usableFor } from '../db/queries/booking-credits';
import { hasLiveBooking } from '../db/queries/bookings';
import { blacklistOf } from '../db/queries/clients';
import { loadOccurrenceRow } from '../db/queries/occurrences';
import { loadSeriesRow, seriesTagIds } from '../db/queries/series';
import { tagsByIds, tagsOfClients } from '../db/queries/tags';
import { canSeeSession, missingSessionTags } from '../engine/agenda/booking-rules';
import { AppError } from '../errors/app-error';
import type { Handlers } from './handler';

/**
 * What the pickers show beside each client before the desk books them into a session: the same
 * rules sessions.book applies (blacklist, the session's tags, a pass credit), read without writing.
 */
export const sessionEligibilityHandlers: Pick<Handlers, 'sessions.eligibility'> = {
  'sessions.eligibility': async ({ occurrenceId, clientIds }, { db }) => {
    const occurrence = await loadOccurrenceRow(db, occurrenceId);
    const series = await loadSeriesRow(db, occurrence.series_id);
    const ids = [...new Set(clientIds)];
    const clients = await blacklistOf(db, ids);
    if (clients.length !== ids.length) throw new AppError('not_found', 'clientIds');
    const blacklisted = new Set(clients.filter((c) => c.blacklisted === 1).map((c) => c.id));
    const byTags = series.attendance_mode === 'tags';
    const sessionTags = byTags ? await seriesTagIds(db, series.id) : [];
    const namesInOrder = await tagsByIds(db, sessionTags);
    const held = byTags ? await tagsOfClients(db, ids) : new Map();
    const passesAllowed = series.redeemable_with_passes === 1;
    const use = series.session_type_id === null ? null : { sessionTypeId: series.session_type_id };

    return Promise.all(
      ids.map(async (clientId) => {
        const heldIds = (held.get(clientId) ?? []).map((t: { id: string }) => t.id);
        const usable = passesAllowed ? await usableFor(db, { clientId, use, localDate: occurrence.local_date, passesAllowed, plansApply: false }) : null;
        return {
          clientId,
          blacklisted: blacklisted.has(clientId),
          lacksTags: byTags && !canSeeSession(heldIds, sessionTags, series.tag_match),
          missingTags: byTags ? namesInOrder.filter((t) => missingSessionTags(heldIds, sessionTags, series.tag_match).includes(t.id)) : [],
          tagMatch: series.tag_match,
          pass: !passesAllowed ? ('not_needed' as const) : usable ? ('valid' as const) : ('none' as const),
          alreadyBooked: await hasLiveBooking(db, occurrenceId, clientId),
        };
      }),
    );
  },
};
