import type { PullAnswer, PushAnswer, PushRequest, WireChange } from '../../src-shared/sync/protocol';
import { loadSyncedTables } from '../../src-cloud/schema/synced-tables';

/** A change before the desk numbers it. */
export type DraftChange = Omit<WireChange, 'seq' | 'at'>;
type Data = Record<string, string | number | null>;

const tables = loadSyncedTables();

function rowIdOf(tbl: string, data: Data): string {
  const table = tables.get(tbl);
  if (!table) throw new Error(`no table ${tbl}`);
  return JSON.stringify(table.primaryKey.map((column) => data[column]));
}

export const insert = (tbl: string, data: Data, subject: string | null = null): DraftChange => ({ tbl, rowId: rowIdOf(tbl, data), op: 'insert', data, subject });
export const update = (tbl: string, key: string | (string | number)[], data: Data, subject: string | null = null): DraftChange => ({
  tbl,
  rowId: JSON.stringify(Array.isArray(key) ? key : [key]),
  op: 'update',
  data,
  subject,
});
export const remove = (tbl: string, key: string | (string | number)[]): DraftChange => ({ tbl, rowId: JSON.stringify(Array.isArray(key) ? key : [key]), op: 'delete', data: null, subject: null });
export const erase = (clientId: string): DraftChange => ({ tbl: 'clients', rowId: JSON.stringify([clientId]), op: 'erase', data: null, subject: null });

export interface Answer<T> {
  status: number;
  body: T;
}

export async function call<T = unknown>(url: string, path: string, key: string | null, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...init.headers };
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${url}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * A stand-in desk: numbers its changes as a desk's feed does (seq 1, 2, …), and sends them. `batch`
 * builds a request without sending (to send it twice); `push` sends the next changes and, when
 * the server settles them, moves the desk's cursor on.
 */
export function fakeDesk(url: string, key: string, deskId: string) {
  let next = 1;
  const desk = {
    deskId,
    get nextSeq() {
      return next;
    },
    batch(changes: DraftChange[], options: { group?: boolean; from?: number } = {}): PushRequest {
      const from = options.from ?? next;
      return {
        deskId,
        deskName: `Desk ${deskId}`,
        changes: changes.map((change, i) => ({ ...change, seq: from + i, at: new Date().toISOString() })),
        groups: options.group && changes.length > 1 ? [[from, from + changes.length - 1]] : [],
      };
    },
    async send(request: PushRequest): Promise<Answer<PushAnswer>> {
      const answer = await call<PushAnswer>(url, '/v1/push', key, { body: request });
      if (answer.status === 200) next = Math.max(next, answer.body.appliedThrough + 1);
      return answer;
    },
    async push(changes: DraftChange[], options: { group?: boolean } = {}): Promise<Answer<PushAnswer>> {
      return desk.send(desk.batch(changes, options));
    },
    /** push, expecting success. */
    async pushOk(changes: DraftChange[], options: { group?: boolean } = {}): Promise<PushAnswer> {
      const answer = await desk.push(changes, options);
      if (answer.status !== 200) throw new Error(`push failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async pull(after = 0, limit?: number): Promise<PullAnswer> {
      const answer = await call<PullAnswer>(url, `/v1/pull?after=${after}${limit === undefined ? '' : `&limit=${limit}`}`, key);
      if (answer.status !== 200) throw new Error(`pull failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
  };
  return desk;
}

const stamp = '2025-03-01T09:00:00.000Z';

export function client(id: string, more: Data = {}): Data {
  return { id, first_name: `Nombre ${id}`, last_name: 'Apellido', sort_name: `apellido ${id}`, phone: '+34600000000', email: `${id}@example.com`, created_at: stamp, updated_at: stamp, ...more };
}

export function occurrence(id: string, places: number | null): Data {
  return { id, series_id: null, local_date: '2025-03-10', local_start: '10:00', starts_at: '2025-03-10T09:00:00Z', ends_at: '2025-03-10T10:00:00Z', title: 'Pilates', places, status: 'scheduled', created_at: stamp, updated_at: stamp };
}

export function booking(id: string, occurrenceId: string, clientId: string, more: Data = {}): Data {
  return { id, occurrence_id: occurrenceId, client_id: clientId, status: 'booked', waitlist_position: null, over_places: 0, source: 'desk', created_at: stamp, updated_at: stamp, ...more };
}

export function appointment(id: string, staffId: string, from: string, until: string, more: Data = {}): Data {
  return { id, client_id: 'c1', staff_id: staffId, service_id: 's1', starts_at: from, ends_at: until, blocked_from: from, blocked_until: until, buffer_before_min: 0, buffer_after_min: 0, status: 'booked', overridden: null, created_at: stamp, updated_at: stamp, ...more };
}

export function promo(id: string, maxUses: number | null, maxPerClient: number | null): Data {
  return { id, code: id.toUpperCase(), code_key: id.toLowerCase(), kind: 'percent', value: 10, max_uses: maxUses, max_uses_per_client: maxPerClient, active: 1, created_at: stamp, updated_at: stamp };
}

export function redemption(id: string, promoId: string, clientId: string, more: Data = {}): Data {
  return { id, promo_id: promoId, client_id: clientId, sale_id: null, discount_minor: 100, voided: 0, created_at: stamp, ...more };
}

export function clientPass(id: string, clientId: string): Data {
  return { id, client_id: clientId, kind: 'pass', name: 'Bono 5', credits_total: 5, created_at: stamp, updated_at: stamp };
}

export function ledger(id: string, passId: string, delta: number, kind = delta > 0 ? 'sale' : 'redemption'): Data {
  return { id, client_pass_id: passId, kind, delta, created_at: stamp };
}

export function tag(id: string, name: string): Data {
  return { id, name, name_key: name.toLowerCase(), colour: '#888', created_at: stamp, updated_at: stamp };
}
