import type { ErrorCode } from '../../src-shared/api/error-codes';

/** A refusal the user can act on: answered as { ok: false, error } with a translated message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    readonly params: { limit?: number; detail?: string } = {},
  ) {
    super(field ? `${code} (${field})` : code);
    this.name = 'AppError';
  }
}
