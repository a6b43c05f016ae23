import type { Tx } from '../db/transaction';
import type { RowData } from './batch-plan';

/** One push being applied: its transaction, its centre and desk, and the centre's log head as it grows. */
export interface PushContext {
  tx: Tx;
  centreId: string;
  deskId: string;
  /** The last server_seq given out (written back to centres.head_seq at the end). */
  head: number;
  /** Clients erased in this centre (those the batch names, and those it erases). */
  erased: Set<string>;
  /** Refusals this push recorded (when none and the batch is all new, there are none to answer). */
  refusals: number;
}

/** A row a group touched: as it was before the group, and as it is now. */
export interface TouchedRow {
  tbl: string;
  rowId: string;
  before: RowData | null;
  after: RowData | null;
}

export type Touched = Map<string, TouchedRow>;

export const rowKey = (tbl: string, rowId: string) => `${tbl}\u0000${rowId}`;

/** Remembers what a group did to a row: the first state seen is the group's "before". */
export function touch(touched: Touched, tbl: string, rowId: string, before: RowData | null, after: RowData | null): void {
  const key = rowKey(tbl, rowId);
  const seen = touched.get(key);
  if (seen) seen.after = after;
  else touched.set(key, { tbl, rowId, before, after });
}
