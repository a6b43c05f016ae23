import type { SyncErrorBody, SyncErrorCode } from '../../src-shared/sync/protocol';

/** A refusal of a whole request, answered as `{ error: { code, message } }` with its HTTP status. */
export class SyncError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly expectedSeq?: number,
  ) {
    super(message);
  }

  body(): SyncErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.expectedSeq !== undefined ? { expectedSeq: this.expectedSeq } : {}) } };
  }
}

export const malformed = (message: string) => new SyncError(400, 'malformed_batch', message);
