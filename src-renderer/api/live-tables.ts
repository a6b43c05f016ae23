import type { MostradorBridge } from '../../src-shared/api/invoke';
import type { TablesChanged } from '../../src-shared/api/result';

/** The tables a change named, less those already known to have changed by then. */
type Listener = (tables: readonly string[]) => void;

const listeners = new Set<Listener>();
/**
 * The highest feed position seen for each table. A change is told once: this page's own write
 * arrives first in its result and again from the host's feed, and a change seen at or below a
 * table's position is ignored for that table (another commit in the same telling still counts).
 */
const seenSeq = new Map<string, number>();

let watched: MostradorBridge | undefined;

/** Runs `fn` after each change to the centre's tables, with the tables it changed; returns the unsubscribe function. */
export function onDataChanged(fn: Listener): () => void {
  if (typeof window !== 'undefined' && window.mostrador) watchBridge(window.mostrador);
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

/** Applies a change: from a command's result, or from the host's feed (any window, process or sync). */
export function noteChange(change: TablesChanged): void {
  // Rows a sync downloaded leave the feed where it was: their tables changed all the same.
  if (change.pulled) {
    if (change.tables.length > 0) for (const fn of [...listeners]) fn(change.tables);
    return;
  }
  // A position below one already seen: the database was replaced (a backup restored), its feed
  // ends lower now. Every position is forgotten, so what the host tells from here on counts.
  if (change.seq < Math.max(0, ...seenSeq.values())) seenSeq.clear();
  const fresh = change.tables.filter((table) => change.seq > (seenSeq.get(table) ?? 0));
  if (fresh.length === 0) return;
  for (const table of fresh) seenSeq.set(table, change.seq);
  for (const fn of [...listeners]) fn(fresh);
}

/** Subscribes once to the host's feed of changes, where the host has one. */
export function watchBridge(bridge: MostradorBridge): void {
  if (watched === bridge || !bridge.onTablesChanged) return;
  watched = bridge;
  bridge.onTablesChanged(noteChange);
}
