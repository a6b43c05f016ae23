import type { ErrorCode } from '../../src-shared/api/error-codes';

/** A refusal the user can act on: answered as { ok: false, error } with a translated message. */
export class AppError extends Error {
  /** Every field's refusal when several fields are wrong at once (this error is the first). */
  others: AppError[] = [];

  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    readonly params: { limit?: number; detail?: string } = {},
  ) {
    super(field ? `${code} (${field})` : code);
    this.name = 'AppError';
  }

  /** One error naming every field's refusal (the first answers code/message/field); at most one per field. */
  static combine(errors: AppError[]): AppError | undefined {
    const seen = new Set<string>();
    const unique = errors.filter((e) => {
      const key = e.field ?? '';
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const [first, ...rest] = unique;
    if (!first) return undefined;
    first.others = rest;
    return first;
  }

  /** This error and every other one, in order. */
  get everyField(): AppError[] {
    return [this, ...this.others];
  }
}
