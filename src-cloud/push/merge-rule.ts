import type { PlannedChange, RowData } from './batch-plan';
import { keptOnErasure } from './erase-client';

/** What one change does to its row, given the row as the server has it. */
export type Outcome =
  | { applied: false }
  | {
      applied: true;
      /** The row after the change (null: deleted). */
      after: RowData | null;
      /** The subject the row keeps: the desk names it from the row as it is now (an erasure may have cleared it). */
      subject: string | null;
      /** What the log records of the change, when not what the desk sent (its client columns cleared). */
      logged?: RowData | null;
    };

/**
 * The merge rules, for every change but an erasure:
 * - insert: creates the row, or merges its columns over the row already there (two desks adding
 *   the same tag hold one row);
 * - update: merges the changed columns, so per column the last change in the server's order wins;
 *   an update of a row the server does not have (another desk deleted it) is dropped;
 * - delete: removes the row (a delete of a row already gone is dropped);
 * - anything but a delete about an erased client is dropped, except on the tables whose rows
 *   outlive their client (a sale another desk made offline stays in the books): there it applies
 *   with the client left out, as the erasure left the rows it found.
 * A dropped change is not logged.
 */
export function mergeChange(change: PlannedChange, before: RowData | null, erased: ReadonlySet<string>): Outcome {
  if (isAboutErased(change, erased)) {
    const kept = keptOnErasure[change.tbl];
    if (!kept || change.data === null || (change.op === 'update' && !before)) return { applied: false };
    const data = { ...change.data, ...Object.fromEntries(kept.filter((column) => change.op === 'insert' || column in change.data!).map((column) => [column, null])) };
    return { applied: true, after: { ...before, ...data }, subject: null, logged: data };
  }
  if (change.op === 'delete') return before ? { applied: true, after: null, subject: null } : { applied: false };
  if (change.op === 'update' && !before) return { applied: false };
  return { applied: true, after: { ...before, ...change.data }, subject: change.subject };
}

export function isAboutErased(change: PlannedChange, erased: ReadonlySet<string>): boolean {
  if (change.op === 'delete') return false;
  if (change.subject !== null && erased.has(change.subject)) return true;
  return change.tbl === 'clients' && erased.has(String(change.key[0]));
}
