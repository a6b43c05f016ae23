import type { ErrorCode } from '../../../src-shared/api/error-codes';
import { AppError } from '../../errors/app-error';
import type { RecurrenceProblem, SeriesTiming, WeeklyRecurrence } from '../recurrence/weekly-rule';
import { recurrenceProblems } from '../recurrence/weekly-rule';
import { decodeCoverImage } from './cover-image';

const recurrenceCodes: Record<RecurrenceProblem['code'], ErrorCode> = {
  no_weekdays: 'required',
  weekday_out_of_range: 'out_of_range',
  interval_out_of_range: 'out_of_range',
  end_before_start: 'end_before_start',
  no_occurrences: 'end_before_start',
  duration_out_of_range: 'out_of_range',
  weeks_out_of_range: 'out_of_range',
  invalid_date: 'invalid_date',
  date_out_of_range: 'date_out_of_range',
  invalid_time: 'invalid_input',
  invalid_time_zone: 'invalid_time_zone',
};

/** The recurrence engine's problem as the API's error, on the field the form shows (after `prefix`). */
export function recurrenceError(problem: RecurrenceProblem, prefix = ''): AppError {
  return new AppError(recurrenceCodes[problem.code], `${prefix}${problem.field}`);
}

/** The fields of a series the desk checks by hand; an absent one (refused by the contract, or unchanged) is not judged. */
export interface SeriesFieldsToCheck {
  /** The start and the weekly rule, judged together; absent when the contract refused one of them. */
  timing?: { timing: SeriesTiming; recurrence: WeeklyRecurrence | null; only?: readonly RecurrenceProblem['code'][] };
  /** An online session needs its link. */
  link?: { mode: 'in_person' | 'online'; onlineLink: string | null };
  coverImage?: string | null;
}

/**
 * Every bad field of a series at once, in the order the form reads them: its timing and weekly rule,
 * its cover image, its link. `prefix` is where the fields lie in the input ('changes.' on an edit).
 */
export function seriesFieldProblems(fields: SeriesFieldsToCheck, prefix = ''): AppError[] {
  const problems: AppError[] = [];
  if (fields.timing) {
    const { timing, recurrence, only } = fields.timing;
    for (const problem of recurrenceProblems(timing, recurrence)) {
      if (!only || only.includes(problem.code)) problems.push(recurrenceError(problem, prefix));
    }
  }
  if (fields.coverImage) {
    try {
      decodeCoverImage(fields.coverImage);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(new AppError(error.code, `${prefix}coverImage`, error.params));
    }
  }
  if (fields.link && fields.link.mode === 'online' && !fields.link.onlineLink) problems.push(new AppError('required', `${prefix}onlineLink`));
  return problems;
}
