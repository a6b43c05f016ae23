import type { ServerChange } from '../../../src-shared/sync/protocol';
import { serverDeskId } from '../../../src-shared/sync/protocol';
import type { FeedChange } from '../feed/apply-changes';
import { createChangeApplier } from '../feed/apply-changes';
import type { TableShape } from '../feed/table-shapes';
import { currentTableShapes } from '../feed/table-shapes';
import type { OpenDatabase } from '../open-database';
import { reindexClient } from '../queries/clients';
import { pendingColumns, rowKey, wholeRow } from './pending-columns';
import { refusedRowsInTheWay } from './refused-rows';

export interface PulledPage {
  changes: readonly ServerChange[];
  cursor: number;
  head: number;
}

/**
 * Applies one page of the server's changes, in the server's order, in one transaction with this
 * desk's feed paused (what arrives is never uploaded again). The desk's own changes come back too:
 * applying them keeps the server's order for every column. Columns this desk changed and has not
 * had settled yet are left alone (see pendingColumns), except when the server undoes a refused
 * write of this desk. Erased clients are returned: the caller erases what this desk still holds of
 * them once the page is in. Throws (and applies nothing) when a row would break a constraint that
 * a write this desk has not uploaded yet caused: the next cycle uploads it first.
 */
export async function applyPulledPage(target: OpenDatabase, page: PulledPage): Promise<{ tables: string[]; erased: string[] }> {
  const { sqlite, db } = target;
  const tables = new Set<string>();
  const erased: string[] = [];
  sqlite.pragma('foreign_keys = OFF');
  try {
    await db.transaction().execute(async (tx) => {
      sqlite.prepare("INSERT INTO feed_paused (reason) VALUES ('sync')").run();
      const pushedThrough = Number(sqlite.prepare('SELECT pushed_through FROM sync_state').pluck().get());
      const pending = pendingColumns(sqlite, pushedThrough);
      const applier = createChangeApplier(sqlite, { upsert: true });
      const shapes = new Map(currentTableShapes(sqlite).map((shape) => [shape.name, shape]));
      const erasing = new Set(
        page.changes.filter((c) => c.op === 'erase' || (c.op === 'delete' && c.tbl === 'clients')).map((c) => (JSON.parse(c.rowId) as string[])[0]!),
      );
      const ofErased = (shape: TableShape, holder: string): boolean => {
        if (erasing.size === 0 || !shape.allColumns.includes('client_id') || shape.primaryKey.length !== 1) return false;
        const clientId = sqlite.prepare(`SELECT client_id FROM "${shape.name}" WHERE "${shape.primaryKey[0]!}" = json_extract(?, '$[0]')`).pluck().get(holder);
        return typeof clientId === 'string' && erasing.has(clientId);
      };
      const applyEntry = (entry: FeedChange) => {
        try {
          applier.apply(entry);
        } catch (error) {
          // A unique value this desk's refused row still holds here: that row goes now, as the
          // server's undo (later in its order) will have it go anyway.
          const shape = shapes.get(entry.tbl);
          // Or a row of a client this page erases (made here offline: the server dropped it).
          const inTheWay = shape ? refusedRowsInTheWay(sqlite, shape, entry, error, (holder) => ofErased(shape, holder)) : [];
          if (inTheWay.length === 0) throw error;
          for (const holder of inTheWay) applier.apply({ tbl: entry.tbl, row_id: holder, op: 'delete', data: null });
          applier.apply(entry);
        }
      };
      const passOfEntry = sqlite.prepare("SELECT client_pass_id FROM credit_ledger WHERE id = json_extract(?, '$[0]')").pluck();
      const ledgerPasses = new Set<string>();
      // Where each row changes for the last time in this page, and what of a row is held back
      // until then (see below).
      const lastChange = new Map<string, number>();
      for (const [i, change] of page.changes.entries()) lastChange.set(rowKey(change.tbl, change.rowId), i);
      const heldBack = new Map<string, FeedChange>();
      for (const [i, change] of page.changes.entries()) {
        // A client leaves only by being erased (the delete of their row comes just before the
        // erasure, maybe a page before): the caller erases them with foreign keys on, so that what
        // this desk made of theirs offline cascades too, instead of staying behind their row.
        if (change.op === 'erase' || (change.op === 'delete' && change.tbl === 'clients')) {
          const clientId = (JSON.parse(change.rowId) as string[])[0]!;
          if (!erased.includes(clientId)) erased.push(clientId);
          tables.add(change.tbl);
          continue;
        }
        const key = rowKey(change.tbl, change.rowId);
        const mine = pending.get(key);
        const undo = change.deskId === serverDeskId;
        let data = change.data;
        let skip = false;
        if (mine && !undo) {
          if (mine.has(wholeRow)) skip = true;
          else if (data) {
            data = Object.fromEntries(Object.entries(data).filter(([column]) => !mine.has(column)));
            if (Object.keys(data).length === 0) skip = true;
          }
        }
        const own: FeedChange | null = skip ? null : { tbl: change.tbl, row_id: change.rowId, op: change.op, data: data === null ? null : JSON.stringify(data) };
        const held = heldBack.get(key);
        heldBack.delete(key);
        const entry = held && own ? mergeChanges(held, own) : (own ?? held);
        if (!entry) continue;
        try {
          if (change.tbl === 'credit_ledger') {
            const passId = (passOfEntry.get(change.rowId) as string | undefined) ?? data?.client_pass_id;
            if (typeof passId === 'string') ledgerPasses.add(passId);
            try {
              applyEntry(entry);
            } catch (error) {
              // The ledger's trigger moves the balance entry by entry, and the server's order may
              // spend a credit (another desk's) before it takes back this desk's refused spending of
              // it: the balance is checked once summed, below, not halfway through.
              if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_CHECK') throw error;
              sqlite.pragma('ignore_check_constraints = ON');
              try {
                applyEntry(entry);
              } finally {
                sqlite.pragma('ignore_check_constraints = OFF');
              }
            }
          } else applyEntry(entry);
        } catch (error) {
          // A state of a row that its later changes in this page move on from (another desk booked
          // a client and cancelled, and then this desk booked them again): its unique value clashes
          // with a row of this desk that comes after those changes in the server's order. The row's
          // changes are applied together, as they end.
          if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || lastChange.get(key)! <= i) throw error;
          heldBack.set(key, entry);
          continue;
        }
        tables.add(change.tbl);
      }
      // The balance trigger only adds what an inserted entry brings: an entry the server took back
      // (a refused redemption) leaves its pass's balance to be summed again from the ledger (and
      // checked: below zero, the page waits for this desk's own unsent spending to be judged).
      const resum = sqlite.prepare('UPDATE client_passes SET balance = (SELECT coalesce(sum(delta), 0) FROM credit_ledger WHERE client_pass_id = @id) WHERE id = @id');
      for (const id of ledgerPasses) resum.run({ id });
      const present = sqlite.prepare('SELECT 1 FROM clients WHERE id = ?');
      for (const clientId of applier.touchedClients) if (present.get(clientId)) await reindexClient(tx, clientId);
      sqlite
        .prepare('UPDATE sync_state SET pulled_through = max(pulled_through, ?), server_head = max(server_head, ?)')
        .run(page.cursor, page.head);
      sqlite.prepare("DELETE FROM feed_paused WHERE reason = 'sync'").run();
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { tables: [...tables], erased };
}

/** Two consecutive changes of one row as one: the row as it is after both. */
function mergeChanges(first: FeedChange, then: FeedChange): FeedChange {
  if (then.op === 'delete' || then.op === 'erase') return then;
  // An entry an erasure emptied says nothing.
  if (then.data === null) return first;
  if (first.op === 'delete' || first.op === 'erase') return then.op === 'insert' ? then : first;
  if (first.data === null) return then;
  const data = { ...(JSON.parse(first.data) as object), ...(JSON.parse(then.data) as object) };
  return { ...then, op: first.op === 'insert' ? 'insert' : then.op, data: JSON.stringify(data) };
}
