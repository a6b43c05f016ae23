import type { AffectedBooking } from '../../src-shared/domain/agenda';
import type { WriteTx } from '../db/database';
import { liveBookingsOf } from '../db/queries/affected';
import { creditOnCentreCancelled } from '../db/queries/booking-credits';
import { readCover, saveCover } from '../db/queries/cover-files';
import { materialise, materialiseUntil, occurrenceLocalTimes, recurrenceOf, timingOf } from '../db/queries/materialise';
import { cancelOccurrence, firstUpcomingDate, loadOccurrenceRow, scheduledOccurrencesOf, updateOccurrence } from '../db/queries/occurrences';
import { insertSeries, loadSeries, loadSeriesRow, toSeries, updateSeries, writeSeriesTags } from '../db/queries/series';
import { readCentreSettings } from '../db/queries/settings';
import type { OccurrencesTable, SeriesTable } from '../db/tables/agenda';
import { newId } from '../engine/ids';
import type { WeeklyRecurrence } from '../engine/recurrence/weekly-rule';
import { toRRule, validateRecurrence } from '../engine/recurrence/weekly-rule';
import { seriesFieldProblems } from '../engine/agenda/series-fields';
import { localDate } from '../engine/time/local-date';
import { addDays, localToInstant } from '../engine/time/local-time';
import { AppError } from '../errors/app-error';
import { assertOwnCalendar, creditContextOf } from './caller';
import type { Handlers, WriteContext } from './handler';
import { rematerialise } from './series-rematerialise';
import { seriesReferenceProblems, staffOnlyDefaults } from './series-rules';
import { splitSeriesAt } from './series-split';

type SeriesHandlers = Pick<Handlers, 'series.create' | 'series.get' | 'series.update' | 'series.cancel' | 'series.coverImage'>;
type Changes = Parameters<Handlers['series.update']>[0]['changes'];

/** Fields that belong to one occurrence and may change on it alone. */
export const occurrenceFields = new Set(['title', 'organizerId', 'date', 'startTime', 'durationMin', 'places']);

/** The changes a scope may not make: on one occurrence only its own fields; a day moves only one occurrence. */
export function scopeProblems(scope: 'occurrence' | 'following' | 'all', changes: object): AppError[] {
  return Object.entries(changes)
    .filter(([key, value]) => value !== undefined && (scope === 'occurrence' ? !occurrenceFields.has(key) : key === 'date'))
    .map(([key]) => new AppError('scope_not_allowed', `changes.${key}`));
}

function rruleOf(series: Pick<SeriesTable, 'start_date' | 'start_time' | 'duration_min' | 'time_zone'>, recurrence: WeeklyRecurrence | null) {
  return recurrence ? toRRule(timingOf(series), recurrence) : null;
}

function logged(changes: Changes | Parameters<Handlers['series.create']>[0]) {
  // The log records that the cover changed, not its bytes.
  const { coverImage, ...rest } = changes;
  return coverImage === undefined ? rest : { ...rest, coverImage: coverImage === null ? null : 'replaced' };
}

async function changeOneOccurrence(occurrence: OccurrencesTable, series: SeriesTable, changes: Changes, { tx, now }: WriteContext): Promise<AffectedBooking[]> {
  const problems = [...scopeProblems('occurrence', changes), ...(await seriesReferenceProblems(tx, { organizerId: changes.organizerId }, 'changes.'))];
  const date = changes.date ?? occurrence.local_date;
  const time = changes.startTime ?? occurrence.local_start;
  const durationMin = changes.durationMin ?? Math.round((Date.parse(occurrence.ends_at) - Date.parse(occurrence.starts_at)) / 60_000);
  const startsAt = localToInstant(date, time, series.time_zone);
  const moved = startsAt.toISOString() !== occurrence.starts_at;
  if (moved && (occurrence.starts_at <= now || startsAt.toISOString() <= now)) problems.push(new AppError('occurrence_past', 'changes.date'));
  const refusal = AppError.combine(problems);
  if (refusal) throw refusal;
  await updateOccurrence(
    tx,
    occurrence.id,
    {
      ...occurrenceLocalTimes(startsAt, series.time_zone),
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + durationMin * 60_000).toISOString(),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.organizerId !== undefined ? { organizer_id: changes.organizerId } : {}),
      ...(changes.places !== undefined ? { places: changes.places } : {}),
      edited: 1,
    },
    now,
  );
  return moved ? liveBookingsOf(tx, occurrence, startsAt.toISOString()) : [];
}

/**
 * Where a change to "all" or "this and following" starts: occurrences that have started stay as
 * they were (history). From the first upcoming occurrence, so an every-N-weeks rhythm is kept.
 */
async function pivotFor(tx: WriteTx, scope: 'following' | 'all', series: SeriesTable, occurrenceDate: string, now: string) {
  const today = localDate(new Date(now), series.time_zone);
  const tomorrow = addDays(today, 1);
  const upcoming = (await firstUpcomingDate(tx, series.id, now)) ?? (tomorrow > series.start_date ? tomorrow : series.start_date);
  return scope === 'following' && occurrenceDate > upcoming ? occurrenceDate : upcoming;
}

export const seriesHandlers: SeriesHandlers = {
  'series.create': async (input, { tx, now, log, dataDir, caller }) => {
    assertOwnCalendar(caller, input.organizerId);
    const settings = await readCentreSettings(tx);
    const kind = input.kind ?? 'session';
    const recurrence = input.recurrence ?? null;
    const timing = { startDate: input.startDate, startTime: input.startTime, durationMin: input.durationMin, timeZone: settings.timeZone };
    const mode = input.mode ?? 'in_person';
    const problems = [
      ...seriesFieldProblems({ timing: { timing, recurrence }, coverImage: input.coverImage?.dataUrl ?? null, link: { mode, onlineLink: input.onlineLink ?? null } }),
      ...(await seriesReferenceProblems(tx, { ...input, tagIds: kind === 'session' ? input.tagIds : undefined })),
    ];
    const refusal = AppError.combine(problems);
    if (refusal) throw refusal;

    const id = newId();
    const today = localDate(new Date(now), settings.timeZone);
    const row: SeriesTable = {
      id,
      kind,
      title: input.title,
      mode,
      online_link: mode === 'online' ? (input.onlineLink ?? null) : null,
      organizer_id: input.organizerId,
      session_type_id: input.sessionTypeId ?? null,
      description: input.description ?? null,
      cover_image: input.coverImage ? saveCover(dataDir, id, input.coverImage.dataUrl) : null,
      start_date: input.startDate,
      start_time: input.startTime,
      duration_min: input.durationMin,
      time_zone: settings.timeZone,
      rrule: recurrence ? toRRule(timing, recurrence) : null,
      places: input.places ?? null,
      attendance_mode: input.attendanceMode ?? 'booking',
      tag_match: input.tagMatch ?? 'any',
      redeemable_with_passes: input.redeemableWithPasses ? 1 : 0,
      materialised_until: materialiseUntil(timing, recurrence, today),
      cancelled_at: null,
      created_at: now,
      updated_at: now,
      ...staffOnlyDefaults(kind),
    };
    await insertSeries(tx, row);
    const tagIds = kind === 'session' ? (input.tagIds ?? []) : [];
    await writeSeriesTags(tx, id, tagIds, now);
    const occurrenceCount = await materialise(tx, row, { from: row.start_date, to: row.materialised_until }, now);
    if (occurrenceCount === 0) throw new AppError('end_before_start', 'recurrence.end');
    log({ entity: 'series', entityId: id, changes: logged(input) });
    return { series: toSeries(row, tagIds), occurrenceCount };
  },

  'series.get': async ({ id }, { db }) => loadSeries(db, id),

  'series.coverImage': async ({ id }, { db, dataDir }) => {
    const row = await loadSeriesRow(db, id);
    return { dataUrl: row.cover_image ? readCover(dataDir, row.cover_image) : null };
  },

  'series.update': async ({ occurrenceId, scope, changes }, context) => {
    const { tx, now, log, dataDir, caller } = context;
    const occurrence = await loadOccurrenceRow(tx, occurrenceId);
    const original = await loadSeriesRow(tx, occurrence.series_id);
    // A professional edits only what they run, and cannot give it to someone else.
    assertOwnCalendar(caller, occurrence.organizer_id, original.organizer_id, changes.organizerId ?? occurrence.organizer_id);
    if (original.cancelled_at || occurrence.status === 'cancelled') throw new AppError('occurrence_cancelled', 'occurrenceId');
    if (scope === 'occurrence') {
      const affected = await changeOneOccurrence(occurrence, original, changes, context);
      log({ entity: 'occurrence', entityId: occurrenceId, changes: logged(changes) });
      return { series: await loadSeries(tx, original.id), affected };
    }
    // Every bad field is answered at once: those of the references now, those of the rule once the new timing is known.
    const problems = [
      ...scopeProblems(scope, changes),
      ...(await seriesReferenceProblems(tx, { ...changes, tagIds: original.kind === 'session' ? changes.tagIds : undefined }, 'changes.')),
    ];

    const today = localDate(new Date(now), original.time_zone);
    const pivot = await pivotFor(tx, scope, original, occurrence.series_date, now);
    const target = await splitSeriesAt(tx, original, pivot, dataDir, now);
    const recurrence = changes.recurrence !== undefined ? changes.recurrence : recurrenceOf(target);
    const next: SeriesTable = {
      ...target,
      title: changes.title ?? target.title,
      mode: changes.mode ?? target.mode,
      online_link: changes.onlineLink !== undefined ? changes.onlineLink : target.online_link,
      organizer_id: changes.organizerId ?? target.organizer_id,
      session_type_id: changes.sessionTypeId !== undefined ? changes.sessionTypeId : target.session_type_id,
      description: changes.description !== undefined ? changes.description : target.description,
      start_time: changes.startTime ?? target.start_time,
      duration_min: changes.durationMin ?? target.duration_min,
      places: changes.places !== undefined ? changes.places : target.places,
      attendance_mode: changes.attendanceMode ?? target.attendance_mode,
      tag_match: changes.tagMatch ?? target.tag_match,
      redeemable_with_passes: changes.redeemableWithPasses === undefined ? target.redeemable_with_passes : changes.redeemableWithPasses ? 1 : 0,
      updated_at: now,
      ...staffOnlyDefaults(target.kind),
    };
    problems.push(
      ...seriesFieldProblems(
        { timing: { timing: timingOf(next), recurrence }, coverImage: changes.coverImage?.dataUrl ?? null, link: { mode: next.mode, onlineLink: next.online_link } },
        'changes.',
      ),
    );
    const refusal = AppError.combine(problems);
    if (refusal) throw refusal;
    next.rrule = rruleOf(next, recurrence);
    if (changes.coverImage !== undefined) next.cover_image = changes.coverImage ? saveCover(dataDir, next.id, changes.coverImage.dataUrl) : null;
    await updateSeries(tx, next.id, next);
    if (changes.tagIds !== undefined && next.kind === 'session') await writeSeriesTags(tx, next.id, changes.tagIds, now);

    const timing = changes.startTime !== undefined || changes.durationMin !== undefined || changes.recurrence !== undefined;
    const affected = await rematerialise(
      tx,
      next,
      pivot,
      { title: changes.title, organizerId: changes.organizerId, places: changes.places, timing },
      today,
      now,
    );
    log({ entity: 'series', entityId: next.id, changes: { ...logged(changes), scope, from: pivot } });
    return { series: await loadSeries(tx, next.id), affected };
  },

  'series.cancel': async ({ occurrenceId, scope }, context) => {
    const { tx, now, log, caller } = context;
    const occurrence = await loadOccurrenceRow(tx, occurrenceId);
    const series = await loadSeriesRow(tx, occurrence.series_id);
    assertOwnCalendar(caller, occurrence.organizer_id, series.organizer_id);
    if (series.cancelled_at || occurrence.status === 'cancelled') throw new AppError('occurrence_cancelled', 'occurrenceId');
    const pivot = scope === 'occurrence' ? null : await pivotFor(tx, scope, series, occurrence.series_date, now);
    const cancelled = await scheduledOccurrencesOf(tx, pivot === null ? { occurrenceId } : { seriesId: series.id, fromSeriesDate: pivot });

    const affected: AffectedBooking[] = [];
    for (const row of cancelled) {
      await cancelOccurrence(tx, row.id, now);
      const live = await liveBookingsOf(tx, row, null);
      // The clients did nothing wrong: every credit they spent on it comes back.
      for (const booking of live) await creditOnCentreCancelled(tx, { kind: 'booking', id: booking.bookingId }, creditContextOf(context));
      affected.push(...live);
    }
    if (pivot !== null) {
      const dayBefore = addDays(pivot, -1);
      const recurrence = recurrenceOf(series);
      const ended: WeeklyRecurrence | null = recurrence && { ...recurrence, end: { kind: 'until', date: dayBefore } };
      // Nothing of the rule is left before the pivot (e.g. a Sunday start for Monday classes): the whole series goes.
      if (pivot <= series.start_date || !ended || validateRecurrence(timingOf(series), ended)) {
        await updateSeries(tx, series.id, { cancelled_at: now, updated_at: now });
      } else {
        // The series now ends the day before; nothing more is materialised after it.
        await updateSeries(tx, series.id, { rrule: rruleOf(series, ended), materialised_until: dayBefore, updated_at: now });
      }
    }
    log({ entity: scope === 'occurrence' ? 'occurrence' : 'series', entityId: scope === 'occurrence' ? occurrenceId : series.id, changes: { cancelled: true, scope, from: pivot } });
    return { cancelledOccurrences: cancelled.length, affected };
  },
};
