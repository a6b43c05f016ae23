import type { ParsedInput } from '../../src-shared/api/contract';
import type { EventKind } from '../../src-shared/domain/agenda';
import type { WriteTx } from '../db/database';
import { assertSessionTypeExists } from '../db/queries/catalogue';
import { loadStaffMember } from '../db/queries/staff';
import { AppError } from '../errors/app-error';

type SeriesFields = Partial<Omit<ParsedInput<'series.create'>, 'startDate' | 'kind'>>;

/** The organizer, session type and tags a series names must exist (and the organizer be active). */
export async function checkSeriesReferences(tx: WriteTx, fields: SeriesFields, fieldPrefix = ''): Promise<void> {
  if (fields.organizerId !== undefined) {
    const organizer = await loadStaffMember(tx, fields.organizerId, `${fieldPrefix}organizerId`);
    if (!organizer.active) throw new AppError('not_found', `${fieldPrefix}organizerId`);
  }
  if (fields.sessionTypeId) await assertSessionTypeExists(tx, fields.sessionTypeId, `${fieldPrefix}sessionTypeId`);
}

/** An online session needs its link. */
export function checkOnlineLink(mode: 'in_person' | 'online', link: string | null, field: string): void {
  if (mode === 'online' && !link) throw new AppError('required', field);
}

/** Meetings, private events and reminders are staff-only: no places, no bookings, no tags, no passes. */
export function staffOnlyDefaults(kind: EventKind) {
  return kind === 'session'
    ? null
    : { places: null, attendance_mode: 'open' as const, tag_match: 'any' as const, redeemable_with_passes: 0 as const };
}
