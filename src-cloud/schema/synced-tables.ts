import { readFileSync } from 'node:fs';

/** A synced table as the desks send it: the columns of the feed and the primary key, in order. */
export interface SyncedTable {
  name: string;
  columns: ReadonlySet<string>;
  primaryKey: readonly string[];
}

interface SchemaColumn {
  name: string;
  pk: number;
  feed: boolean;
}

const schemaPath = new URL('../../migrations/synced-schema.json', import.meta.url);

/**
 * The desks' synced tables, read from the snapshot the desk's migrations check in. The server keeps
 * rows generically (jsonb), so this is all it needs to know of the desk's schema: a desk newer than
 * this file sends a table or column it does not know, and is told to update the server.
 */
export function loadSyncedTables(): ReadonlyMap<string, SyncedTable> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { tables: Record<string, SchemaColumn[]> };
  const tables = new Map<string, SyncedTable>();
  for (const [name, columns] of Object.entries(schema.tables)) {
    const feed = columns.filter((c) => c.feed);
    const primaryKey = feed.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    tables.set(name, { name, columns: new Set(feed.map((c) => c.name)), primaryKey });
  }
  return tables;
}

let cached: ReadonlyMap<string, SyncedTable> | null = null;

export function syncedTables(): ReadonlyMap<string, SyncedTable> {
  cached ??= loadSyncedTables();
  return cached;
}
