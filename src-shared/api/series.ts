import { z } from 'zod';
import type { AffectedBooking, Series } from '../domain/agenda';
import { attendanceModes, eventKinds } from '../domain/agenda';
import { command, query, returns } from './define-call';
import { durationMin, id, isoDate, localTime, optionalText, places, text } from './fields';
import { calendarWork, everyone } from './access';

export const recurrenceInput = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  intervalWeeks: z.number().int().min(1).max(52),
  end: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('never') }),
    z.strictObject({ kind: z.literal('weeks'), weeks: z.number().int().min(1).max(520) }),
    z.strictObject({ kind: z.literal('until'), date: isoDate }),
  ]),
});

/** A cover image as a data URL (PNG, JPEG or WebP); main checks the bytes and the size. */
const coverImage = z.strictObject({ dataUrl: z.string().max(3_000_000) });

const onlineLink = z.url({ protocol: /^https$/ }).max(500);

const seriesFields = {
  title: text(120),
  mode: z.enum(['in_person', 'online']).optional(),
  onlineLink: onlineLink.nullable().optional(),
  organizerId: id,
  sessionTypeId: id.nullable().optional(),
  description: optionalText(2000),
  coverImage: coverImage.nullable().optional(),
  startTime: localTime,
  durationMin,
  recurrence: recurrenceInput.nullable().optional(),
  places: places.nullable().optional(),
  attendanceMode: z.enum(attendanceModes).optional(),
  tagMatch: z.enum(['all', 'any']).optional(),
  tagIds: z.array(id).max(20).optional(),
  redeemableWithPasses: z.boolean().optional(),
};

export const seriesCreateInput = z.strictObject({
  ...seriesFields,
  kind: z.enum(eventKinds).optional(),
  startDate: isoDate,
});
export type SeriesCreateInput = z.input<typeof seriesCreateInput>;

/** this occurrence, this and following, or all of the series. */
export const changeScope = z.enum(['occurrence', 'following', 'all']);
export type ChangeScope = z.infer<typeof changeScope>;

export const seriesChanges = z.strictObject({
  title: seriesFields.title.optional(),
  mode: seriesFields.mode,
  onlineLink: seriesFields.onlineLink,
  organizerId: id.optional(),
  sessionTypeId: seriesFields.sessionTypeId,
  description: seriesFields.description,
  coverImage: seriesFields.coverImage,
  /** Moves a single occurrence to another day (scope 'occurrence' only). */
  date: isoDate.optional(),
  startTime: localTime.optional(),
  durationMin: durationMin.optional(),
  recurrence: seriesFields.recurrence,
  places: seriesFields.places,
  attendanceMode: seriesFields.attendanceMode,
  tagMatch: seriesFields.tagMatch,
  tagIds: seriesFields.tagIds,
  redeemableWithPasses: seriesFields.redeemableWithPasses,
});
export type SeriesChanges = z.input<typeof seriesChanges>;

export const seriesApi = {
  'series.create': command(
    seriesCreateInput,
    'Create a session, meeting, private event or reminder, one-off or weekly; its occurrences are materialised',
    returns<{ series: Series; occurrenceCount: number }>(),
    calendarWork,
  ),
  'series.get': query(z.strictObject({ id }), 'One series, whole', returns<Series>(), everyone),
  'series.update': command(
    z.strictObject({ occurrenceId: id, scope: changeScope, changes: seriesChanges }),
    'Change this occurrence, this and the following ones, or all; bookings are kept and the clients to tell are listed',
    returns<{ series: Series; affected: AffectedBooking[] }>(),
    calendarWork,
  ),
  'series.cancel': command(
    z.strictObject({ occurrenceId: id, scope: changeScope }),
    'Cancel this occurrence, this and the following ones, or all; bookings are kept and the clients to tell are listed',
    returns<{ cancelledOccurrences: number; affected: AffectedBooking[] }>(),
    calendarWork,
  ),
  'series.coverImage': query(z.strictObject({ id }), "A series' cover image as a data URL", returns<{ dataUrl: string | null }>(), everyone),
};
