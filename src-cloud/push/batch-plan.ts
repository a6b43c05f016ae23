import type { FeedOp, PushRequest } from '../../src-shared/sync/protocol';
import { syncLimits } from '../../src-shared/sync/protocol';
import { malformed, SyncError } from '../http/sync-error';
import type { SyncedTable } from '../schema/synced-tables';

export type RowValue = string | number | null;
export type RowData = Record<string, RowValue>;

/** An entry of a desk's feed, checked against the synced schema, its rowId in canonical JSON. */
export interface PlannedChange {
  seq: number;
  tbl: string;
  rowId: string;
  /** The primary key's values, in the table's order. */
  key: readonly (string | number)[];
  op: FeedOp;
  data: RowData | null;
  subject: string | null;
}

/** What one desk transaction did: applied or refused as a whole. */
export interface PlannedGroup {
  first: number;
  last: number;
  changes: PlannedChange[];
}

export interface BatchPlan {
  first: number;
  last: number;
  groups: PlannedGroup[];
}

const newerDesk = 'This desk is newer than the sync server: update the server.';

/**
 * Checks a whole batch before anything is applied: a batch the server cannot apply entirely as
 * sent is refused entirely (the desk keeps it and nothing is half-done).
 */
export function planBatch(request: PushRequest, tables: ReadonlyMap<string, SyncedTable>): BatchPlan {
  if (request.changes.length > syncLimits.maxBatchChanges) throw new SyncError(413, 'batch_too_large', `At most ${syncLimits.maxBatchChanges} changes per push.`);
  const first = request.changes[0]!.seq;
  const changes = request.changes.map((change, i) => {
    if (change.seq !== first + i) throw malformed(`Sequence numbers must be consecutive: expected ${first + i}, got ${change.seq}.`);
    const table = tables.get(change.tbl);
    if (!table) throw new SyncError(400, 'unknown_table', `Unknown table "${change.tbl}". ${newerDesk}`);
    return planChange(change, table);
  });
  const last = first + changes.length - 1;
  return { first, last, groups: planGroups(changes, request.groups, first, last) };
}

function planChange(change: PushRequest['changes'][number], table: SyncedTable): PlannedChange {
  const at = `change ${change.seq} (${change.tbl})`;
  for (const column of Object.keys(change.data ?? {})) {
    if (!table.columns.has(column)) throw new SyncError(400, 'unknown_column', `Unknown column "${change.tbl}.${column}". ${newerDesk}`);
  }
  const key = parseRowId(change.rowId, table, at);
  const data = change.data;
  switch (change.op) {
    case 'insert':
      if (!data) throw malformed(`${at}: an insert carries the whole row.`);
      table.primaryKey.forEach((column, i) => {
        if (data[column] !== key[i]) throw malformed(`${at}: the row's ${column} does not match its rowId.`);
      });
      break;
    case 'update':
      if (!data || Object.keys(data).length === 0) throw malformed(`${at}: an update carries the columns it changed.`);
      table.primaryKey.forEach((column, i) => {
        if (column in data && data[column] !== key[i]) throw malformed(`${at}: an update cannot change the primary key (${column}).`);
      });
      break;
    case 'delete':
    case 'erase':
      if (data !== null) throw malformed(`${at}: a ${change.op} carries no data.`);
      if (change.op === 'erase' && change.tbl !== 'clients') throw malformed(`${at}: only clients are erased.`);
      break;
  }
  return { seq: change.seq, tbl: change.tbl, rowId: JSON.stringify(key), key, op: change.op, data, subject: change.subject };
}

function parseRowId(rowId: string, table: SyncedTable, at: string): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rowId);
  } catch {
    throw malformed(`${at}: rowId is not JSON.`);
  }
  const valid = Array.isArray(parsed) && parsed.length === table.primaryKey.length && parsed.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  if (!valid) throw malformed(`${at}: rowId must be a JSON array of the ${table.primaryKey.length} primary key value(s) (${table.primaryKey.join(', ')}).`);
  return parsed as (string | number)[];
}

/** The batch cut into groups: the named ones, and every other entry alone. */
function planGroups(changes: PlannedChange[], named: PushRequest['groups'], first: number, last: number): PlannedGroup[] {
  const sorted = [...named].sort((a, b) => a[0] - b[0]);
  let previousLast = first - 1;
  for (const [from, to] of sorted) {
    if (from > to) throw malformed(`Group [${from}, ${to}] ends before it starts.`);
    if (from < first || to > last) throw malformed(`Group [${from}, ${to}] is outside the batch [${first}, ${last}].`);
    if (from <= previousLast) throw malformed(`Group [${from}, ${to}] overlaps another group.`);
    previousLast = to;
  }
  const groups: PlannedGroup[] = [];
  let next = 0;
  for (const [from, to] of sorted) {
    for (; changes[next]!.seq < from; next++) groups.push({ first: changes[next]!.seq, last: changes[next]!.seq, changes: [changes[next]!] });
    groups.push({ first: from, last: to, changes: changes.slice(from - first, to - first + 1) });
    next = to - first + 1;
  }
  for (; next < changes.length; next++) groups.push({ first: changes[next]!.seq, last: changes[next]!.seq, changes: [changes[next]!] });
  return groups;
}
