/**
 * Which tables and columns are the centre's data (recorded in the change feed and synced) and which
 * belong to this installation only. Every table is the centre's unless it is listed here, so a new
 * table is in the feed without anyone remembering to add it.
 */

/** This installation's own tables: which desk this is, its feed, sign-in attempts, the search index. */
export const localTables: ReadonlySet<string> = new Set([
  'schema_migrations',
  'desk_identity',
  'feed',
  'feed_paused',
  'pin_attempts',
  'request_results',
  'sync_state',
  'sync_conflicts',
  'feed_groups',
  // Numbering and the tax agency's queue are this desk's: its series, its records to submit.
  'invoice_counters',
  'fiscal_submissions',
  'fiscal_endpoint',
]);

/** Search indexes (FTS5 tables and their shadow tables): rebuilt by each desk from the rows. */
const searchIndexes = ['client_search'];

/**
 * Columns of the centre's tables that each desk keeps for itself, with how a desk fills one when it
 * applies a row that arrived without it (an SQL expression; null leaves the column's default).
 */
export const localColumns: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  // FTS5 needs an integer rowid: each desk numbers its own index.
  clients: { search_rowid: '(SELECT coalesce(max(search_rowid), 0) + 1 FROM clients)' },
  // The outbox marker of the first wave: the feed replaced it.
  change_log: { synced_at: null },
};

/**
 * Columns that triggers compute from the rows of another table (counts, balances): never in the
 * feed, since every desk recomputes them from the rows it applies, and two desks' counts would
 * otherwise overwrite each other. A change to the source table changes these too.
 */
export const derivedColumns: Readonly<Record<string, { columns: readonly string[]; from: string }>> = {
  occurrences: { columns: ['held_count', 'waitlist_count'], from: 'bookings' },
  client_passes: { columns: ['balance'], from: 'credit_ledger' },
};

/** The tables a change to these touched: their own, and those whose derived columns they move. */
export function withDerivedTables(tables: readonly string[]): string[] {
  const derived = Object.entries(derivedColumns).filter(([, d]) => tables.includes(d.from)).map(([table]) => table);
  return [...new Set([...tables, ...derived])].sort();
}

/**
 * The client a row's personal data belongs to, where no column references clients directly: an
 * erasure finds the feed entries to redact by it. `row` is `new`, `old` or the table's name.
 */
export const subjectClientOverrides: Readonly<Record<string, (row: string) => string>> = {
  clients: (row) => `${row}.id`,
  change_log: (row) => `${row}.subject_client_id`,
  credit_ledger: (row) => `(SELECT client_id FROM client_passes WHERE id = ${row}.client_pass_id)`,
};

/** SQLite's own tables and FTS5's shadow tables are never the centre's data. */
export function isSyncedTable(name: string): boolean {
  if (name.startsWith('sqlite_')) return false;
  if (localTables.has(name)) return false;
  return !searchIndexes.some((index) => name === index || name.startsWith(`${index}_`));
}

/** The columns of a synced table that the feed carries. */
export function isFeedColumn(table: string, column: string): boolean {
  return !(column in (localColumns[table] ?? {})) && !(derivedColumns[table]?.columns ?? []).includes(column);
}
