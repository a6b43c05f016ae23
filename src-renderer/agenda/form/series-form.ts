import type { SeriesChanges, SeriesCreateInput } from '../../../src-shared/api/series';
import type { AttendanceMode, EventKind, Occurrence, Recurrence, Series, SessionMode, TagMatch } from '../../../src-shared/domain/agenda';
import { seriesExtent } from '../../../src-shared/recurrence/weekly-dates';

/** The create / edit form of a session, meeting, private event or reminder, as the inputs hold it. */
export interface SeriesFormState {
  kind: EventKind;
  title: string;
  mode: SessionMode;
  onlineLink: string;
  organizerId: string;
  sessionTypeId: string;
  description: string;
  /** A new image, null to remove it, 'keep' for the one the series has. */
  cover: { dataUrl: string } | null | 'keep';
  startDate: string;
  startTime: string;
  durationMin: string;
  repeat: boolean;
  weekdays: number[];
  intervalWeeks: string;
  endKind: 'never' | 'weeks' | 'until';
  endWeeks: string;
  endDate: string;
  attendanceMode: AttendanceMode;
  tagMatch: TagMatch;
  tagIds: string[];
  places: string;
  redeemableWithPasses: boolean;
}

/** The form's error slots; an API error's field (e.g. "recurrence.weekdays") goes to the longest that prefixes it. */
const formFields = [
  'title',
  'mode',
  'onlineLink',
  'organizerId',
  'sessionTypeId',
  'description',
  'coverImage',
  'startDate',
  'date',
  'startTime',
  'durationMin',
  'recurrence',
  'recurrence.weekdays',
  'recurrence.intervalWeeks',
  'recurrence.end',
  'places',
  'attendanceMode',
  'tagMatch',
  'tagIds',
] as const;
export type FormField = (typeof formFields)[number];

export function fieldOfError(field: string | undefined): FormField | undefined {
  if (!field) return undefined;
  const path = field.replace(/^changes\./, '');
  const matches = formFields.filter((f) => path === f || path.startsWith(`${f}.`));
  const best = matches.sort((a, b) => b.length - a.length)[0];
  return best === 'date' ? 'startDate' : best;
}

export function newFormState(kind: EventKind, date: string, organizerId: string): SeriesFormState {
  return {
    kind,
    title: '',
    mode: 'in_person',
    onlineLink: '',
    organizerId,
    sessionTypeId: '',
    description: '',
    cover: null,
    startDate: date,
    startTime: '09:00',
    durationMin: '60',
    repeat: false,
    weekdays: [],
    intervalWeeks: '1',
    endKind: 'never',
    endWeeks: '4',
    endDate: '',
    attendanceMode: 'booking',
    tagMatch: 'all',
    tagIds: [],
    places: kind === 'session' ? '10' : '',
    redeemableWithPasses: false,
  };
}

/** The form of an existing occurrence: the series' values, on the occurrence's day and time. */
export function editFormState(series: Series, occurrence: Occurrence): SeriesFormState {
  const r = series.recurrence;
  return {
    kind: series.kind,
    title: series.title,
    mode: series.mode,
    onlineLink: series.onlineLink ?? '',
    organizerId: occurrence.organizerId,
    sessionTypeId: series.sessionTypeId ?? '',
    description: series.description ?? '',
    cover: series.hasCoverImage ? 'keep' : null,
    startDate: occurrence.localDate,
    startTime: occurrence.localStart,
    durationMin: String(Math.round((Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)) / 60_000)),
    repeat: r !== null,
    weekdays: r?.weekdays ?? [],
    intervalWeeks: String(r?.intervalWeeks ?? 1),
    endKind: r?.end.kind ?? 'never',
    endWeeks: r?.end.kind === 'weeks' ? String(r.end.weeks) : '4',
    endDate: r?.end.kind === 'until' ? r.end.date : '',
    attendanceMode: series.attendanceMode,
    tagMatch: series.tagMatch,
    tagIds: series.tagIds,
    places: occurrence.places === null ? '' : String(occurrence.places),
    redeemableWithPasses: series.redeemableWithPasses,
  };
}

/** A number input's value: undefined when empty (the API then says it is required), NaN kept so the API refuses it. */
function int(text: string): number | undefined {
  const s = text.trim();
  return s === '' ? undefined : Number(s);
}

/** The fields of the form that make its weekly rule. */
export type RuleFields = Pick<SeriesFormState, 'repeat' | 'startDate' | 'weekdays' | 'intervalWeeks' | 'endKind' | 'endWeeks' | 'endDate'>;

function recurrenceOf(s: RuleFields): Recurrence | null {
  if (!s.repeat) return null;
  const end: Recurrence['end'] =
    s.endKind === 'weeks' ? { kind: 'weeks', weeks: int(s.endWeeks) as number } : s.endKind === 'until' ? { kind: 'until', date: s.endDate } : { kind: 'never' };
  return { weekdays: [...s.weekdays].sort(), intervalWeeks: int(s.intervalWeeks) as number, end };
}

/**
 * How many occurrences a new weekly series will have and the date of the last one, by the engine's own
 * rule (shared); null while it does not repeat, never ends or its values are incomplete.
 */
export function extentOf(s: RuleFields): { count: number; lastDate: string } | null {
  return s.repeat ? seriesExtent(s.startDate, recurrenceOf(s)) : null;
}

const isSession = (s: SeriesFormState) => s.kind === 'session';
const hasMode = (s: SeriesFormState) => s.kind === 'session' || s.kind === 'meeting';

export function toCreateInput(s: SeriesFormState): SeriesCreateInput {
  const input: SeriesCreateInput = {
    kind: s.kind,
    title: s.title,
    organizerId: s.organizerId,
    description: s.description,
    startDate: s.startDate,
    startTime: s.startTime,
    durationMin: int(s.durationMin) as number,
    recurrence: recurrenceOf(s),
  };
  if (hasMode(s)) {
    input.mode = s.mode;
    input.onlineLink = s.mode === 'online' ? s.onlineLink.trim() : null;
  }
  if (isSession(s)) {
    input.sessionTypeId = s.sessionTypeId || null;
    input.coverImage = s.cover === 'keep' ? undefined : s.cover;
    input.attendanceMode = s.attendanceMode;
    if (s.attendanceMode === 'tags') {
      input.tagMatch = s.tagMatch;
      input.tagIds = s.tagIds;
    }
    input.places = s.attendanceMode === 'open' ? null : (int(s.places) ?? null);
    input.redeemableWithPasses = s.redeemableWithPasses;
  }
  return input;
}

/** Only what the desk changed, so "this occurrence only" does not rewrite the rest. */
export function toChanges(s: SeriesFormState, was: SeriesFormState): SeriesChanges {
  const now = toCreateInput(s);
  const before = toCreateInput(was);
  const changes: SeriesChanges = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  /** Copies the fields of `keys` that the desk changed, in that order. */
  const copyChanged = (keys: readonly (keyof SeriesChanges & keyof SeriesCreateInput)[]) => {
    for (const key of keys) if (!same(now[key], before[key])) (changes as Record<string, unknown>)[key] = now[key];
  };
  copyChanged(['title', 'mode', 'onlineLink', 'organizerId', 'sessionTypeId', 'description']);
  if (s.cover !== 'keep' && !same(s.cover, was.cover)) changes.coverImage = s.cover;
  if (s.startDate !== was.startDate) changes.date = s.startDate;
  if (s.startTime !== was.startTime) changes.startTime = s.startTime;
  copyChanged(['durationMin', 'recurrence', 'places', 'attendanceMode', 'tagMatch', 'tagIds', 'redeemableWithPasses']);
  return changes;
}

export const maxCoverBytes = 2 * 1024 * 1024;
export const coverTypes = ['image/png', 'image/jpeg', 'image/webp'];
