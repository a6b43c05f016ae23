import type BetterSqlite3 from 'better-sqlite3';
import type { TablesChanged } from '../../../src-shared/api/result';
import { lastFeedSeq, tablesChangedSince } from './feed-position';
import { syncedTableNames } from './table-shapes';
import { withDerivedTables } from './table-kinds';

/**
 * Tells listeners which of the centre's tables changed: after this process's own writes (told by
 * the dispatcher) and after another process's (a CLI call, another window's host, a sync), found by
 * polling SQLite's data_version, which moves only when another connection commits.
 */
export function createFeedWatcher(sqlite: BetterSqlite3.Database, options: { onReplaced?: () => void } = {}) {
  const listeners = new Set<(change: TablesChanged) => void>();
  let seen = lastFeedSeq(sqlite);
  let dataVersion = Number(sqlite.pragma('data_version', { simple: true }));

  function emit(change: TablesChanged): void {
    if (change.seq <= seen) return;
    seen = change.seq;
    if (change.tables.length > 0) for (const listener of listeners) listener(change);
  }

  /**
   * The whole database was replaced (a backup restored, here or by another process): its feed may
   * end lower than before, so the position starts again from it, and every table is told as changed.
   */
  function replaced(): void {
    seen = lastFeedSeq(sqlite);
    dataVersion = Number(sqlite.pragma('data_version', { simple: true }));
    options.onReplaced?.();
    const change = { tables: withDerivedTables(syncedTableNames(sqlite)), seq: seen };
    for (const listener of listeners) listener(change);
  }

  return {
    /**
     * A write of this process committed: tell what changed since the last telling (another process's
     * commits too). When the write started right where the last telling ended, what it changed is
     * all there is to tell, and the feed need not be read again.
     */
    committed(written?: { after: number; changed: TablesChanged }): void {
      emit(written && written.after === seen ? written.changed : tablesChangedSince(sqlite, seen));
    },
    /** Looks for another process's commits; cheap when there were none. */
    poll(): void {
      const version = Number(sqlite.pragma('data_version', { simple: true }));
      if (version === dataVersion) return;
      dataVersion = version;
      if (lastFeedSeq(sqlite) < seen) return replaced();
      emit(tablesChangedSince(sqlite, seen));
    },
    replaced,
    /** Rows arrived from elsewhere with the feed paused (a sync's pull): their tables are told as changed. */
    applied(tables: readonly string[]): void {
      const change: TablesChanged = { tables: withDerivedTables(tables), seq: seen, pulled: true };
      if (change.tables.length > 0) for (const listener of listeners) listener(change);
    },
    subscribe(listener: (change: TablesChanged) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type FeedWatcher = ReturnType<typeof createFeedWatcher>;
