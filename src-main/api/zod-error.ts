import type { z } from 'zod';
import { errorCodes, type ErrorCode } from '../../src-shared/api/error-codes';
import { AppError } from '../errors/app-error';

/** Turns every problem zod found into our error codes, naming each field: the first one leads. */
export function appErrorFromZod(error: z.ZodError): AppError {
  return AppError.combine(error.issues.map(appErrorFromIssue)) ?? new AppError('invalid_input');
}

function appErrorFromIssue(issue: z.core.$ZodIssue): AppError {
  const path = issue.path.map(String);
  const field = (issue.code === 'unrecognized_keys' ? [...path, ...issue.keys.slice(0, 1)] : path).join('.') || undefined;
  // A schema may name its own code as the message (an id, a PIN).
  if (isErrorCode(issue.message) && issue.code !== 'invalid_type') return new AppError(issue.message, field);
  switch (issue.code) {
    case 'invalid_type':
      return new AppError(issue.input === undefined ? 'required' : 'invalid_type', field);
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? new AppError('too_long', field, { limit: Number(issue.maximum) })
        : new AppError('out_of_range', field);
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') {
        return Number(issue.minimum) <= 1 ? new AppError('required', field) : new AppError('too_short', field, { limit: Number(issue.minimum) });
      }
      return new AppError('out_of_range', field);
    case 'invalid_format':
      return new AppError(issue.format === 'date' ? 'invalid_date' : 'invalid_input', field);
    case 'invalid_value':
      return new AppError('invalid_choice', field);
    default:
      return new AppError('invalid_input', field);
  }
}

function isErrorCode(message: string): message is ErrorCode {
  return (errorCodes as readonly string[]).includes(message);
}
