import type BetterSqlite3 from 'better-sqlite3';
import { isFeedColumn } from '../../src-main/db/feed/table-kinds';
import { syncedTableNames } from '../../src-main/db/feed/table-shapes';

/**
 * The synced tables' columns as a snapshot (migrations/synced-schema.json): from migration 0005 on,
 * older desks sync with newer ones, so a synced column may be added but never dropped, renamed or
 * retyped. The schema guard compares the migrated schema with the committed snapshot.
 */

export interface SnapshotColumn {
  name: string;
  /** The declared type, as SQLite keeps it. */
  type: string;
  notnull: boolean;
  /** Position in the primary key (1-based); 0: not part of it. */
  pk: number;
  /** Whether the change feed carries it (not local, not derived). */
  feed: boolean;
}

export interface SyncedSchema {
  /** Table name → its columns in table order. */
  tables: Record<string, SnapshotColumn[]>;
}

export interface SchemaProblem {
  table: string;
  column: string | null;
  kind: 'dropped-table' | 'dropped-column' | 'changed-column' | 'unlisted-table' | 'unlisted-column';
  message: string;
}

export const snapshotPath = new URL('../../migrations/synced-schema.json', import.meta.url);

const about =
  'The synced tables as the migrations leave them. From migration 0005 on a synced column may only be added: ' +
  'older desks still sync the others. Written by `npm run schema:snapshot`; checked by tests/unit/schema-guard.test.ts.';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
  hidden: number;
}

/** The migrated database's synced tables (per isSyncedTable), tables by name, columns in table order. */
export function readSyncedSchema(sqlite: BetterSqlite3.Database): SyncedSchema {
  const names = syncedTableNames(sqlite);
  const tables: Record<string, SnapshotColumn[]> = {};
  for (const table of names) {
    // Hidden columns (a virtual table's, generated ones) are left out, as syncedTableShapes does.
    const columns = (sqlite.pragma(`table_xinfo("${table}")`) as ColumnInfo[]).filter((c) => c.hidden === 0);
    tables[table] = columns.map((c) => ({
      name: c.name,
      type: c.type,
      notnull: c.notnull !== 0,
      pk: c.pk,
      feed: isFeedColumn(table, c.name),
    }));
  }
  return { tables };
}

const additive = 'From migration 0005 on, changes to synced tables must be additive: older desks still sync them.';
const addToSnapshot = 'Add it to migrations/synced-schema.json with `npm run schema:snapshot` (so that a later drop is caught).';

/** Everything in which the schema breaks from the snapshot; empty when the schema only added to it. */
export function compareWithSnapshot(schema: SyncedSchema, snapshot: SyncedSchema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const [table, snapColumns] of Object.entries(snapshot.tables)) {
    const columns = schema.tables[table];
    if (!columns) {
      problems.push({
        table,
        column: null,
        kind: 'dropped-table',
        message: `synced table ${table} is in the snapshot but not in the migrated schema (dropped or renamed). ${additive}`,
      });
      continue;
    }
    for (const snap of snapColumns) {
      const column = columns.find((c) => c.name === snap.name);
      if (!column) {
        problems.push({
          table,
          column: snap.name,
          kind: 'dropped-column',
          message: `synced column ${table}.${snap.name} is in the snapshot but not in the migrated schema (dropped or renamed). ${additive}`,
        });
        continue;
      }
      const changes: string[] = [];
      if (normaliseType(column.type) !== normaliseType(snap.type)) changes.push(`type ${show(snap.type)} → ${show(column.type)}`);
      if (column.notnull !== snap.notnull) changes.push(`notnull ${snap.notnull} → ${column.notnull}`);
      if (column.pk !== snap.pk) changes.push(`pk position ${snap.pk} → ${column.pk}`);
      if (column.feed !== snap.feed) changes.push(`feed column ${snap.feed} → ${column.feed} (table-kinds.ts)`);
      if (changes.length > 0) {
        problems.push({
          table,
          column: snap.name,
          kind: 'changed-column',
          message: `synced column ${table}.${snap.name} changed: ${changes.join(', ')}. ${additive}`,
        });
      }
    }
  }
  for (const [table, columns] of Object.entries(schema.tables)) {
    const snapColumns = snapshot.tables[table];
    if (!snapColumns) {
      problems.push({
        table,
        column: null,
        kind: 'unlisted-table',
        message: `synced table ${table} is not in the snapshot. ${addToSnapshot}`,
      });
      continue;
    }
    for (const column of columns) {
      if (snapColumns.some((c) => c.name === column.name)) continue;
      problems.push({
        table,
        column: column.name,
        kind: 'unlisted-column',
        message: `synced column ${table}.${column.name} is not in the snapshot. ${addToSnapshot}`,
      });
    }
  }
  return problems;
}

/** SQLite compares declared types case-insensitively (affinity); spacing is not significant either. */
function normaliseType(type: string): string {
  return type.trim().replace(/\s+/g, ' ').toUpperCase();
}

function show(type: string): string {
  return type === '' ? '(none)' : type;
}

/**
 * The snapshot file's text: pretty-printed, tables by name, one column per line with its keys in a
 * fixed order, so that a migration's change shows as a one-line diff.
 */
export function formatSnapshot(schema: SyncedSchema): string {
  const tables = Object.keys(schema.tables)
    .sort()
    .map((table) => {
      const columns = (schema.tables[table] ?? []).map((c) => {
        const fields: [string, string | number | boolean][] = [['name', c.name], ['type', c.type], ['notnull', c.notnull], ['pk', c.pk], ['feed', c.feed]];
        return `{ ${fields.map(([key, value]) => `"${key}": ${JSON.stringify(value)}`).join(', ')} }`;
      });
      return `    ${JSON.stringify(table)}: [\n${columns.map((c) => `      ${c}`).join(',\n')}\n    ]`;
    });
  return `{\n  "about": ${JSON.stringify(about)},\n  "tables": {\n${tables.join(',\n')}\n  }\n}\n`;
}

/** Reads the snapshot file's text, checking its shape (a hand-edited file fails here, not later). */
export function parseSnapshot(text: string): SyncedSchema {
  const parsed: unknown = JSON.parse(text);
  const fail = (what: string): never => {
    throw new Error(`migrations/synced-schema.json: ${what}; regenerate it with npm run schema:snapshot`);
  };
  if (!isRecord(parsed) || !isRecord(parsed.tables)) return fail('no "tables" object');
  const tables: Record<string, SnapshotColumn[]> = {};
  for (const [table, columns] of Object.entries(parsed.tables)) {
    if (!Array.isArray(columns)) return fail(`${table} is not a list of columns`);
    tables[table] = columns.map((c: unknown, i) => {
      if (
        !isRecord(c) ||
        typeof c.name !== 'string' ||
        typeof c.type !== 'string' ||
        typeof c.notnull !== 'boolean' ||
        typeof c.pk !== 'number' ||
        typeof c.feed !== 'boolean'
      ) {
        return fail(`column ${i} of ${table} is not { name, type, notnull, pk, feed }`);
      }
      return { name: c.name, type: c.type, notnull: c.notnull, pk: c.pk, feed: c.feed };
    });
  }
  return { tables };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
