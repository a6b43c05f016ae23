import type { z } from 'zod';
import type { CallName, ParsedInput } from '../../src-shared/api/contract';
import { contract } from '../../src-shared/api/contract';
import { changeScope, seriesChanges } from '../../src-shared/api/series';
import type { ReadDb } from '../db/database';
import { loadOccurrenceRow } from '../db/queries/occurrences';
import { loadSeriesRow } from '../db/queries/series';
import { readCentreSettings } from '../db/queries/settings';
import { assertNameFree } from '../db/queries/unique-name';
import type { SeriesTable } from '../db/tables/agenda';
import { seriesFieldProblems } from '../engine/agenda/series-fields';
import { clientFieldProblems } from '../engine/clients/client-fields';
import type { WeeklyRecurrence } from '../engine/recurrence/weekly-rule';
import { centreSettingsProblems } from '../engine/settings/settings-fields';
import { localDate } from '../engine/time/local-date';
import { AppError } from '../errors/app-error';
import { problemOf } from '../errors/problem-of';
import { exceptionFieldProblems, scheduleFieldProblems } from './schedules';
import { scopeProblems } from './series';
import { seriesReferenceProblems } from './series-rules';

type FieldCheck = (db: ReadDb, raw: unknown, now: Date) => Promise<AppError[]>;

/**
 * The checks a handler makes by hand on its fields (a phone read with the centre's country, an
 * email, a name already taken, a recurrence that ends before it starts), run as well when the
 * contract refused the input for another field: the answer then names every bad field at once, not
 * only the ones zod saw. Each judges only the fields the contract accepted.
 */
export const fieldChecks: Partial<Record<string, FieldCheck>> = {
  'clients.create': clientChecks,
  'clients.update': clientChecks,
  'series.create': seriesCreateChecks,
  'series.update': seriesUpdateChecks,
  'staff.create': nameChecks('staff.create', 'staff'),
  'staff.update': nameChecks('staff.update', 'staff'),
  'sessionTypes.create': nameChecks('sessionTypes.create', 'session_types'),
  'sessionTypes.update': nameChecks('sessionTypes.update', 'session_types'),
  'services.create': nameChecks('services.create', 'services'),
  'services.update': nameChecks('services.update', 'services'),
  'schedules.create': async (db, raw) => scheduleFieldProblems(db, acceptedFields(contract['schedules.create'].input, raw)),
  'schedules.update': async (db, raw) => {
    const { serviceIds, tagIds, ranges } = acceptedFields(contract['schedules.update'].input, raw);
    return scheduleFieldProblems(db, { serviceIds, tagIds, ranges });
  },
  'schedules.setException': async (db, raw) => {
    const fields = acceptedFields(contract['schedules.setException'].input, raw);
    // Hours the contract refused are named already.
    return exceptionFieldProblems(db, hasKey(raw, 'ranges') && fields.ranges === undefined ? { ...fields, kind: undefined } : fields);
  },
  'settings.update': async (_db, raw) => centreSettingsProblems(acceptedFields(contract['settings.update'].input, raw)),
} satisfies Partial<Record<CallName, FieldCheck>>;

/**
 * The fields of `raw` that the object schema accepts, each parsed on its own: what a hand-made
 * check may judge when the contract refused the input as a whole.
 */
export function acceptedFields<S extends z.ZodObject>(schema: S, raw: unknown): Partial<z.output<S>> {
  if (typeof raw !== 'object' || raw === null) return {};
  const record = raw as Record<string, unknown>;
  const accepted: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!Object.hasOwn(record, key)) continue;
    const parsed = field.safeParse(record[key]);
    if (parsed.success && parsed.data !== undefined) accepted[key] = parsed.data;
  }
  return accepted as Partial<z.output<S>>;
}

function hasKey(raw: unknown, key: string): boolean {
  return typeof raw === 'object' && raw !== null && Object.hasOwn(raw, key);
}

async function clientChecks(db: ReadDb, raw: unknown, now: Date): Promise<AppError[]> {
  const settings = await readCentreSettings(db);
  return clientFieldProblems(raw, { country: settings.country, today: localDate(now, settings.timeZone), customFields: [] });
}

/** A name another row of the list has (differing only by case or accents). */
function nameChecks(call: CallName, table: Parameters<typeof assertNameFree>[1]): FieldCheck {
  return async (db, raw) => {
    const { name, id } = acceptedFields(contract[call].input as z.ZodObject, raw) as { name?: string; id?: string };
    return name === undefined ? [] : problemOf(() => assertNameFree(db, table, name, id));
  };
}

async function seriesCreateChecks(db: ReadDb, raw: unknown): Promise<AppError[]> {
  const fields: Partial<ParsedInput<'series.create'>> = acceptedFields(contract['series.create'].input, raw);
  const settings = await readCentreSettings(db);
  // A field the contract refused is not judged again here, nor a rule that needs it.
  const refused = (key: string) => hasKey(raw, key) && !(key in fields);
  const recurrence = refused('recurrence') ? undefined : (fields.recurrence ?? null);
  const mode = refused('mode') ? undefined : (fields.mode ?? 'in_person');
  return [
    ...seriesFieldProblems({
      ...(fields.startDate !== undefined && recurrence !== undefined
        ? { timing: { timing: { startDate: fields.startDate, startTime: fields.startTime ?? '12:00', durationMin: fields.durationMin ?? 60, timeZone: settings.timeZone }, recurrence } }
        : {}),
      coverImage: fields.coverImage?.dataUrl ?? null,
      ...(mode !== undefined && !refused('onlineLink') ? { link: { mode, onlineLink: fields.onlineLink ?? null } } : {}),
    }),
    ...(await seriesReferenceProblems(db, {
      organizerId: fields.organizerId,
      sessionTypeId: fields.sessionTypeId,
      tagIds: (fields.kind ?? 'session') === 'session' ? fields.tagIds : undefined,
    })),
  ];
}

async function seriesUpdateChecks(db: ReadDb, raw: unknown): Promise<AppError[]> {
  if (typeof raw !== 'object' || raw === null) return [];
  const { occurrenceId, scope: rawScope, changes: rawChanges } = raw as Record<string, unknown>;
  const scope = changeScope.safeParse(rawScope).data;
  const changes = acceptedFields(seriesChanges, rawChanges);
  const refused = (key: string) => hasKey(rawChanges, key) && !(key in changes);
  const series = typeof occurrenceId === 'string' ? await seriesOf(db, occurrenceId) : null;
  if (scope === 'occurrence') return [...scopeProblems(scope, changes), ...(await seriesReferenceProblems(db, { organizerId: changes.organizerId }, 'changes.'))];
  const problems = [
    ...(scope ? scopeProblems(scope, changes) : []),
    ...(await seriesReferenceProblems(
      db,
      { organizerId: changes.organizerId, sessionTypeId: changes.sessionTypeId, tagIds: series?.kind === 'session' ? changes.tagIds : undefined },
      'changes.',
    )),
  ];
  if (!series) return problems;
  const recurrence: WeeklyRecurrence | null | undefined = changes.recurrence;
  const mode = refused('mode') ? undefined : (changes.mode ?? series.mode);
  problems.push(
    ...seriesFieldProblems(
      {
        // The series may be split at its first upcoming date: only what is wrong from any start on is judged here.
        ...(recurrence
          ? {
              timing: {
                timing: { startDate: series.start_date, startTime: series.start_time, durationMin: series.duration_min, timeZone: series.time_zone },
                recurrence,
                only: ['no_weekdays', 'weekday_out_of_range', 'interval_out_of_range', 'weeks_out_of_range', 'invalid_date', 'end_before_start'],
              },
            }
          : {}),
        coverImage: changes.coverImage?.dataUrl ?? null,
        ...(mode !== undefined && !refused('onlineLink')
          ? { link: { mode, onlineLink: changes.onlineLink !== undefined ? changes.onlineLink : series.online_link } }
          : {}),
      },
      'changes.',
    ),
  );
  return problems;
}

/** The series of an occurrence, or null when there is none (the handler would say so). */
async function seriesOf(db: ReadDb, occurrenceId: string): Promise<SeriesTable | null> {
  try {
    return await loadSeriesRow(db, (await loadOccurrenceRow(db, occurrenceId)).series_id);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
