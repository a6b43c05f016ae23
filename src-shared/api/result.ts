import type { ErrorCode } from './error-codes';

export interface ApiError {
  code: ErrorCode;
  /** Already translated into the UI language. */
  message: string;
  /** Dotted path of the offending input field, when there is one. */
  field?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
