import type { ParsedInput } from '../../src-shared/api/contract';
import type { EventKind } from '../../src-shared/domain/agenda';
import type { ReadDb } from '../db/database';
import { assertSessionTypeExists } from '../db/queries/catalogue';
import { assertSeriesTagsExist } from '../db/queries/series';
import { loadStaffMember } from '../db/queries/staff';
import { AppError } from '../errors/app-error';
import { problemOf } from '../errors/problem-of';

type SeriesFields = Partial<Omit<ParsedInput<'series.create'>, 'startDate' | 'kind'>>;

/** The organizer, session type and tags a series names must exist (and the organizer be active): every missing one. */
export async function seriesReferenceProblems(db: ReadDb, fields: SeriesFields, fieldPrefix = ''): Promise<AppError[]> {
  const problems: AppError[] = [];
  if (fields.organizerId !== undefined) {
    const organizerId = fields.organizerId;
    problems.push(
      ...(await problemOf(async () => {
        const organizer = await loadStaffMember(db, organizerId, `${fieldPrefix}organizerId`);
        if (!organizer.active) throw new AppError('not_found', `${fieldPrefix}organizerId`);
      })),
    );
  }
  const sessionTypeId = fields.sessionTypeId;
  if (sessionTypeId) problems.push(...(await problemOf(() => assertSessionTypeExists(db, sessionTypeId, `${fieldPrefix}sessionTypeId`))));
  const tagIds = fields.tagIds;
  if (tagIds) problems.push(...(await problemOf(() => assertSeriesTagsExist(db, tagIds, `${fieldPrefix}tagIds`))));
  return problems;
}

/** Meetings, private events and reminders are staff-only: no places, no bookings, no tags, no passes. */
export function staffOnlyDefaults(kind: EventKind) {
  return kind === 'session'
    ? null
    : { places: null, attendance_mode: 'open' as const, tag_match: 'any' as const, redeemable_with_passes: 0 as const };
}
