import type { ErrorCode } from '../../src-shared/api/error-codes';
import type { RecurrenceProblem } from '../engine/recurrence/weekly-rule';
import { AppError } from '../errors/app-error';

const codes: Record<RecurrenceProblem['code'], ErrorCode> = {
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

/** The recurrence engine's problem as the API's error, on the field the form shows. */
export function recurrenceError(problem: RecurrenceProblem): AppError {
  return new AppError(codes[problem.code], problem.field);
}
