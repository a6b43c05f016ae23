import { createHash } from 'node:crypto';
import type { InvokeOptions } from '../../src-shared/api/invoke';
import { AppError } from '../errors/app-error';

/** How long the first answer of a write is kept for a retry with the same request id. */
export const requestRetentionMs = 7 * 24 * 60 * 60 * 1000;

const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The caller's request id, from the options (the renderer) or a `requestId` field of the input
 * (JSON callers: the CLI, scripts), taken out of the input before the contract parses it.
 */
export function takeRequestId(input: unknown, options: InvokeOptions | undefined): { input: unknown; requestId: string | null } {
  let rest = input;
  let fromInput: unknown;
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && 'requestId' in input) {
    ({ requestId: fromInput, ...rest } = input as Record<string, unknown>);
  }
  const fromOptions: unknown = options?.requestId;
  if (fromInput !== undefined && fromOptions !== undefined && fromInput !== fromOptions) throw new AppError('invalid_input', 'requestId');
  const requestId = fromOptions ?? fromInput;
  if (requestId === undefined || requestId === null) return { input: rest, requestId: null };
  if (typeof requestId !== 'string' || !(ulid.test(requestId) || uuid.test(requestId))) throw new AppError('invalid_input', 'requestId');
  return { input: rest, requestId: requestId.toLowerCase() };
}

/** What tells a retry from a different call that reused the id: the parsed input's fingerprint. */
export function inputHash(parsedInput: unknown): string {
  return createHash('sha256').update(JSON.stringify(parsedInput ?? null)).digest('hex');
}
