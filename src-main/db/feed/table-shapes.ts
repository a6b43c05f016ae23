import type BetterSqlite3 from 'better-sqlite3';
import { isFeedColumn, isSyncedTable, subjectClientOverrides } from './table-kinds';

export interface TableShape {
  name: string;
  /** Primary-key columns in key order: a feed entry names its row by their values. */
  primaryKey: string[];
  /** The columns the feed carries (local and derived columns left out). */
  feedColumns: string[];
  /** Every column, for comparing copies. */
  allColumns: string[];
  /** SQL for the client whose data a row holds (`row` is new, old or the table), or null. */
  subjectClient: ((row: string) => string) | null;
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
  hidden: number;
}

interface ForeignKeyInfo {
  table: string;
  from: string;
}

/** The names of the tables that belong to the centre's data, by name. */
export function syncedTableNames(sqlite: BetterSqlite3.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all()
    .map(String)
    .filter(isSyncedTable);
}

/**
 * The centre's tables as the migrated schema has them, parents before the tables that reference
 * them (a replay of a snapshot then inserts a booking after its session, so kept counts add up).
 */
export function syncedTableShapes(sqlite: BetterSqlite3.Database): TableShape[] {
  const names = syncedTableNames(sqlite);
  const shapes = new Map<string, TableShape & { parents: string[] }>();
  for (const name of names) {
    const columns = (sqlite.pragma(`table_xinfo("${name}")`) as ColumnInfo[]).filter((c) => c.hidden === 0);
    const keys = (sqlite.pragma(`foreign_key_list("${name}")`) as ForeignKeyInfo[]);
    const primaryKey = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    if (primaryKey.length === 0) throw new Error(`table ${name} has no primary key: the feed cannot name its rows`);
    const blob = columns.find((c) => c.type.toUpperCase() === 'BLOB' && isFeedColumn(name, c.name));
    if (blob) throw new Error(`${name}.${blob.name} is a BLOB: the feed carries JSON values only`);
    const clientColumn = keys.find((k) => k.table === 'clients')?.from;
    const override = subjectClientOverrides[name];
    shapes.set(name, {
      name,
      primaryKey,
      feedColumns: columns.map((c) => c.name).filter((c) => isFeedColumn(name, c)),
      allColumns: columns.map((c) => c.name),
      subjectClient: override ?? (clientColumn ? (row) => `${row}."${clientColumn}"` : null),
      parents: [...new Set(keys.map((k) => k.table))].filter((parent) => parent !== name && names.includes(parent)),
    });
  }
  return parentsFirst(shapes);
}

const shapesByConnection = new WeakMap<BetterSqlite3.Database, { schemaVersion: number; shapes: readonly TableShape[] }>();

/**
 * syncedTableShapes, read again only when the schema changed: SQLite's schema cookie moves with
 * every change to it (a migration's, another process's, a restore's copy), and reading some forty
 * tables' columns and keys costs milliseconds — too much for every page a sync applies. The shapes
 * are shared: read them, never change them.
 */
export function currentTableShapes(sqlite: BetterSqlite3.Database): readonly TableShape[] {
  const schemaVersion = Number(sqlite.pragma('schema_version', { simple: true }));
  const cached = shapesByConnection.get(sqlite);
  if (cached?.schemaVersion === schemaVersion) return cached.shapes;
  const shapes = syncedTableShapes(sqlite);
  shapesByConnection.set(sqlite, { schemaVersion, shapes });
  return shapes;
}

function parentsFirst(shapes: Map<string, TableShape & { parents: string[] }>): TableShape[] {
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    const shape = shapes.get(name)!;
    path.add(name);
    for (const parent of shape.parents) visit(parent, path);
    path.delete(name);
    placed.add(name);
    const { parents: _parents, ...table } = shape;
    ordered.push(table);
  };
  for (const name of shapes.keys()) visit(name, new Set());
  return ordered;
}
