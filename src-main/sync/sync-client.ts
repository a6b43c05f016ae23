import type { ErrorCode } from '../../src-shared/api/error-codes';
import type { Hello, PullAnswer, PushAnswer, PushRequest, SyncErrorBody, SyncErrorCode } from '../../src-shared/sync/protocol';
import { AppError } from '../errors/app-error';

/** A server's error as the desk shows it: retried or not, and why. */
export class SyncFailure extends AppError {
  constructor(
    code: ErrorCode,
    /** A server error that retrying fixes (the network, a busy or restarting server). */
    readonly transient: boolean,
    readonly detail: string | null = null,
    readonly expectedSeq: number | null = null,
    field?: string,
  ) {
    super(code, field, detail ? { detail } : {});
  }
}

const deskCodes: Partial<Record<SyncErrorCode, ErrorCode>> = {
  unauthorized: 'sync_unauthorized',
  key_revoked: 'sync_key_revoked',
  key_other_desk: 'sync_key_other_desk',
  wrong_centre: 'sync_wrong_centre',
  unknown_table: 'sync_server_older',
  unknown_column: 'sync_server_older',
  rate_limited: 'sync_rate_limited',
  server_error: 'sync_server_error',
};

export interface SyncConnection {
  endpoint: string;
  key: string;
  deskId: string;
}

const timeoutMs = 15_000;

/** The cloud API's three calls over HTTP. Every failure is a SyncFailure. */
export function createSyncClient(connection: SyncConnection, fetchImpl: typeof fetch = fetch) {
  const base = connection.endpoint.replace(/\/+$/, '');

  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${connection.key}`,
          'x-desk-id': connection.deskId,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new SyncFailure('sync_unreachable', true);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      throw new SyncFailure(response.ok ? 'sync_server_error' : 'sync_unreachable', true);
    }
    if (response.ok) return parsed as T;
    const error = (parsed as Partial<SyncErrorBody>).error;
    const code = error?.code;
    const mapped = code ? deskCodes[code] : undefined;
    if (code === 'sequence_gap') throw new SyncFailure('sync_rejected', true, error?.message ?? code, error?.expectedSeq ?? null);
    if (mapped) return Promise.reject(new SyncFailure(mapped, response.status >= 500 || code === 'rate_limited', error?.message ?? null));
    if (response.status >= 500 || response.status === 404 || response.status === 502 || response.status === 503) throw new SyncFailure('sync_server_error', true);
    throw new SyncFailure('sync_rejected', false, error?.message ?? `HTTP ${response.status}`);
  }

  return {
    hello: () => request<Hello>('GET', '/v1/hello'),
    push: (batch: PushRequest) => request<PushAnswer>('POST', '/v1/push', batch),
    pull: (after: number, limit: number) => request<PullAnswer>('GET', `/v1/pull?after=${after}&limit=${limit}`),
  };
}

export type SyncClient = ReturnType<typeof createSyncClient>;
