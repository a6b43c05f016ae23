import type { ErrorCode } from './error-codes';

export interface ApiError {
  code: ErrorCode;
  /** Already translated into the UI language. */
  message: string;
  /** Dotted path of the offending input field, when there is one. */
  field?: string;
  /**
   * Every field's refusal when the input had several bad fields, the first being the one above
   * (code, message, field); absent when only one thing was wrong.
   */
  fields?: ApiFieldError[];
}

export interface ApiFieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

/** The centre's tables a committed write (or a sync) changed, and the feed's position after it. */
export interface TablesChanged {
  tables: string[];
  seq: number;
  /**
   * Rows a sync downloaded (written with the feed paused, so the feed did not move): told however
   * far the page has seen, since `seq` is only the desk's own position and says nothing of them.
   */
  pulled?: true;
}

export type ApiResult<T> =
  | {
      ok: true;
      value: T;
      /** A query: the tables it read (refresh it when one of them changes). */
      reads?: string[];
      /** A command: the tables it changed. */
      changed?: TablesChanged;
    }
  | { ok: false; error: ApiError };
