/**
 * The schema guard: the Kysely table types agree with what the migrations build, and from migration
 * 0005 on the synced tables only grow (migrations/synced-schema.json is the record of them).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Migration } from '../../migrations/index';
import { migrations } from '../../migrations/index';
import type { Database } from '../../src-main/db/database';
import { migrate } from '../../src-main/db/migrate';
import { openDatabase } from '../../src-main/db/open-database';
import type { SchemaProblem, SyncedSchema } from '../helpers/schema-snapshot';
import { compareWithSnapshot, parseSnapshot, readSyncedSchema, snapshotPath } from '../helpers/schema-snapshot';

const root = join(import.meta.dirname, '../..');
const databaseFile = join(root, 'src-main/db/database.ts');

/** Tables the migrations build that have no Kysely type, on purpose. */
const untypedTables: ReadonlySet<string> = new Set([
  // Created by the migration runner itself, which types it locally (migrate.ts).
  'schema_migrations',
]);

// ---------------------------------------------------------------------------------------------
// The migrated schema, as SQLite reports it.

interface SqliteColumn {
  name: string;
  /** The declared type ('' when none, as in an FTS5 table). */
  type: string;
  /** NOT NULL, declared or implied (an INTEGER PRIMARY KEY is the rowid: never null). */
  notnull: boolean;
  /** A virtual table's column: no type and no constraints to compare, only its name. */
  unconstrained: boolean;
}

interface SqliteTable {
  name: string;
  virtual: boolean;
  columns: SqliteColumn[];
}

interface TableListRow {
  schema: string;
  name: string;
  type: 'table' | 'view' | 'shadow' | 'virtual';
  wr: number;
}

interface XInfoRow {
  name: string;
  type: string;
  notnull: number;
  pk: number;
  /** 0 normal, 1 a virtual table's hidden column, 2 and 3 generated columns (virtual, stored). */
  hidden: number;
}

function readSqliteTables(sqlite: Sqlite.Database): SqliteTable[] {
  const list = (sqlite.pragma('table_list') as TableListRow[]).filter(
    // SQLite's own tables and the FTS5 index's shadow tables (client_search_*) are not the app's.
    (t) => t.schema === 'main' && !t.name.startsWith('sqlite_') && (t.type === 'table' || t.type === 'virtual'),
  );
  return list
    .map((t) => {
      const info = (sqlite.pragma(`table_xinfo("${t.name}")`) as XInfoRow[]).filter((c) => c.hidden !== 1);
      const virtual = t.type === 'virtual';
      const keys = info.filter((c) => c.pk > 0);
      const rowidAlias = (c: XInfoRow) => t.wr === 0 && keys.length === 1 && c.pk === 1 && c.type.toUpperCase() === 'INTEGER';
      const columns: SqliteColumn[] = info.map((c) => ({
        name: c.name,
        type: c.type,
        notnull: c.notnull !== 0 || rowidAlias(c),
        unconstrained: virtual,
      }));
      // A virtual table (FTS5) is read and written by its rowid, which table_xinfo does not list.
      if (virtual) columns.unshift({ name: 'rowid', type: 'INTEGER', notnull: true, unconstrained: false });
      return { name: t.name, virtual, columns };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------
// The Kysely types, as the TypeScript compiler reads them.

type TsKind = 'number' | 'string' | 'bigint' | 'boolean' | 'blob' | 'unknown' | `other: ${string}`;

interface TsColumn {
  name: string;
  /** The select type, as TypeScript prints it. */
  text: string;
  nullable: boolean;
  /** The kinds of its non-null members. */
  kinds: Set<TsKind>;
}

interface TsTable {
  name: string;
  columns: TsColumn[];
}

function readKyselyTables(): TsTable[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.node.json'), (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  // Only the options are wanted: the directory walk that lists the project's files is skipped.
  const parsed = ts.parseJsonConfigFileContent(config.config, { ...ts.sys, readDirectory: () => [] }, root);
  // One Program over database.ts alone: it pulls in the table files, the domain types and kysely.
  const program = ts.createProgram({ rootNames: [databaseFile], options: { ...parsed.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(databaseFile);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const databaseSymbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'Database');
  if (!databaseSymbol) throw new Error('src-main/db/database.ts exports no Database interface');

  const kindOf = (type: ts.Type): TsKind => {
    if (type.flags & ts.TypeFlags.NumberLike) return 'number';
    if (type.flags & ts.TypeFlags.StringLike) return 'string';
    if (type.flags & ts.TypeFlags.BigIntLike) return 'bigint';
    if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'unknown';
    if (type.isIntersection()) {
      // A branded primitive (string & { __brand: 'Id' }) is its primitive.
      const primitives = new Set(type.types.map(kindOf).filter((k) => !k.startsWith('other')));
      if (primitives.size === 1) return [...primitives][0]!;
    }
    const name = type.getSymbol()?.getName();
    if (name === 'Buffer' || name === 'Uint8Array') return 'blob';
    return `other: ${checker.typeToString(type)}`;
  };

  const tables: TsTable[] = [];
  for (const table of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(databaseSymbol))) {
    const columns: TsColumn[] = [];
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      let type = checker.getTypeOfSymbol(column);
      // Generated<T> and other ColumnType<Select, Insert, Update>: a row read back has Select.
      const select = type.flags & ts.TypeFlags.Object || type.isIntersection() ? type.getProperty('__select__') : undefined;
      if (select) type = checker.getTypeOfSymbol(select);
      const members = type.isUnion() ? type.types : [type];
      const values = members.filter((m) => !(m.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      columns.push({
        name: column.name,
        text: checker.typeToString(type),
        nullable: members.some((m) => m.flags & ts.TypeFlags.Null),
        kinds: new Set(values.map(kindOf)),
      });
    }
    tables.push({ name: table.name, columns });
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// The comparison.

/** The TypeScript kinds a column of this declared type reads back as (SQLite's affinity rules); null: any. */
function expectedKinds(declared: string): ReadonlySet<TsKind> | null {
  const type = declared.toUpperCase();
  if (type === '' || type === 'ANY') return null;
  if (type.includes('INT')) return new Set(['number']);
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return new Set(['string']);
  if (type.includes('BLOB')) return new Set(['blob']);
  // REAL, FLOAT, DOUBLE, NUMERIC, DECIMAL, …
  return new Set(['number']);
}

function compareWithKysely(sqliteTables: SqliteTable[], tsTables: TsTable[]): string[] {
  const problems: string[] = [];
  const tsByName = new Map(tsTables.map((t) => [t.name, t]));
  const sqliteNames = new Set(sqliteTables.map((t) => t.name));
  for (const table of sqliteTables) {
    const tsTable = tsByName.get(table.name);
    if (!tsTable) {
      if (!untypedTables.has(table.name)) problems.push(`table ${table.name} is in the migrated schema but not in the Database interface`);
      continue;
    }
    const tsColumns = new Map(tsTable.columns.map((c) => [c.name, c]));
    for (const column of table.columns) {
      const where = `${table.name}.${column.name}`;
      const tsColumn = tsColumns.get(column.name);
      if (!tsColumn) {
        problems.push(`${where} is in the migrated schema but not in its Kysely type`);
        continue;
      }
      if (column.unconstrained) continue;
      if (column.notnull && tsColumn.nullable) problems.push(`${where} is NOT NULL in SQLite but its TS type (${tsColumn.text}) includes null`);
      if (!column.notnull && !tsColumn.nullable) problems.push(`${where} is nullable in SQLite but its TS type (${tsColumn.text}) excludes null`);
      const expected = expectedKinds(column.type);
      if (!expected) continue;
      const wrong = [...tsColumn.kinds].filter((k) => !expected.has(k));
      if (wrong.length > 0 || tsColumn.kinds.size === 0) {
        problems.push(`${where} is ${column.type} in SQLite but its TS type is ${tsColumn.text} (expected ${[...expected].join(' | ')})`);
      }
    }
    const sqliteColumns = new Set(table.columns.map((c) => c.name));
    for (const tsColumn of tsTable.columns) {
      if (!sqliteColumns.has(tsColumn.name)) problems.push(`${table.name}.${tsColumn.name} is in its Kysely type but not in the migrated schema`);
    }
  }
  for (const tsTable of tsTables) {
    if (!sqliteNames.has(tsTable.name)) problems.push(`table ${tsTable.name} is in the Database interface but not in the migrated schema`);
  }
  return problems;
}

function report(problems: readonly (string | SchemaProblem)[]): string {
  return problems.map((p) => `\n  - ${typeof p === 'string' ? p : p.message}`).join('');
}

// ---------------------------------------------------------------------------------------------

let dir: string;
let sqliteTables: SqliteTable[];
let migratedSchema: SyncedSchema;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mostrador-schema-guard-'));
  const opened = await openDatabase(join(dir, 'x.db'));
  try {
    sqliteTables = readSqliteTables(opened.sqlite);
    migratedSchema = readSyncedSchema(opened.sqlite);
  } finally {
    await opened.close();
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let kyselyTables: TsTable[] | undefined;
/** One Program for the whole file: building it is the slow part. */
function readKyselyTablesOnce(): TsTable[] {
  kyselyTables ??= readKyselyTables();
  return kyselyTables;
}

describe('the Kysely types', () => {
  it('match the migrated schema: tables, columns, nullability and coarse types', () => {
    const problems = compareWithKysely(sqliteTables, readKyselyTablesOnce());
    expect(problems, `the Kysely types (src-main/db/tables) disagree with the migrated schema:${report(problems)}`).toEqual([]);
  });

  it('are compared with every table the migrations build, the FTS5 index by its rowid and words', () => {
    const names = sqliteTables.map((t) => t.name);
    expect(names).toContain('clients');
    expect(names.some((n) => n.startsWith('client_search_'))).toBe(false);
    const search = sqliteTables.find((t) => t.name === 'client_search');
    expect(search?.virtual).toBe(true);
    expect(search?.columns.map((c) => c.name)).toEqual(['rowid', 'words']);
  });

  it('are checked for real: a column typed wrongly or missing is reported', () => {
    const tsTables = readKyselyTablesOnce();
    const tags = tsTables.find((t) => t.name === 'tags')!;
    const broken: TsTable[] = tsTables.map((t) =>
      t !== tags
        ? t
        : {
            name: 'tags',
            columns: tags.columns
              .filter((c) => c.name !== 'name_key')
              .map((c) => (c.name === 'colour' ? { ...c, text: 'number | null', nullable: true, kinds: new Set<TsKind>(['number']) } : c)),
          },
    );
    const problems = compareWithKysely(sqliteTables, broken);
    expect(problems).toEqual([
      'tags.name_key is in the migrated schema but not in its Kysely type',
      'tags.colour is NOT NULL in SQLite but its TS type (number | null) includes null',
      'tags.colour is TEXT in SQLite but its TS type is number | null (expected string)',
    ]);
  });
});

describe('the synced tables, additive from migration 0005 on', () => {
  it('keep every table and column of migrations/synced-schema.json unchanged, and list no other', () => {
    const snapshot = parseSnapshot(readFileSync(snapshotPath, 'utf8'));
    const problems = compareWithSnapshot(migratedSchema, snapshot);
    expect(problems, `the synced tables differ from migrations/synced-schema.json:${report(problems)}`).toEqual([]);
  });

  /** The real migrations plus one more, on a temp file, and the synced schema it leaves. */
  async function migratedWith(name: string, extra: Migration): Promise<SyncedSchema> {
    const sqlite = new Sqlite(join(dir, `${name}.db`));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      await migrate(db, sqlite, { ...migrations, [name]: extra }, () => null);
      return readSyncedSchema(sqlite);
    } finally {
      await db.destroy();
    }
  }

  it('the guard reports a migration renaming a synced column', async () => {
    const schema = await migratedWith('9999-rename-colour', {
      async up(db) {
        await sql`ALTER TABLE tags RENAME COLUMN colour TO color`.execute(db);
      },
    });
    const problems = compareWithSnapshot(schema, migratedSchema);
    expect(problems.map((p) => [p.kind, p.table, p.column])).toEqual([
      ['dropped-column', 'tags', 'colour'],
      ['unlisted-column', 'tags', 'color'],
    ]);
    expect(problems[0]!.message).toMatch(/tags\.colour .*must be additive: older desks still sync them/);
    expect(problems[1]!.message).toMatch(/tags\.color .*npm run schema:snapshot/);
  });

  it('the guard reports a migration retyping a synced column by rebuilding its table', async () => {
    const schema = await migratedWith('9999-retype-colour', {
      async up(db) {
        await sql`CREATE TABLE tags_new (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, colour INTEGER,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        ) STRICT`.execute(db);
        await sql`DROP TABLE tags`.execute(db);
        await sql`ALTER TABLE tags_new RENAME TO tags`.execute(db);
      },
    });
    const problems = compareWithSnapshot(schema, migratedSchema);
    expect(problems.map((p) => [p.kind, p.table, p.column])).toEqual([['changed-column', 'tags', 'colour']]);
    expect(problems[0]!.message).toContain('type TEXT → INTEGER, notnull true → false');
    expect(problems[0]!.message).toContain('must be additive');
  });

  it('the guard reports a dropped synced table, and a new table or column missing from the snapshot', async () => {
    const schema = await migratedWith('9999-drop-and-add', {
      async up(db) {
        await sql`DROP TABLE centre_holidays`.execute(db);
        await sql`ALTER TABLE tags ADD COLUMN note TEXT`.execute(db);
        await sql`CREATE TABLE test_extra (id TEXT PRIMARY KEY) STRICT`.execute(db);
      },
    });
    const problems = compareWithSnapshot(schema, migratedSchema);
    expect(problems.map((p) => [p.kind, p.table, p.column])).toEqual([
      ['dropped-table', 'centre_holidays', null],
      ['unlisted-column', 'tags', 'note'],
      ['unlisted-table', 'test_extra', null],
    ]);
    expect(problems[0]!.message).toContain('must be additive');
    expect(problems[2]!.message).toContain('npm run schema:snapshot');
  });

  it('the guard reports a changed primary key or nullability, and no problem for an unchanged schema', () => {
    expect(compareWithSnapshot(migratedSchema, migratedSchema)).toEqual([]);
    const changed: SyncedSchema = {
      tables: {
        ...migratedSchema.tables,
        client_tags: migratedSchema.tables.client_tags!.map((c) => (c.name === 'tag_id' ? { ...c, pk: 0 } : c)),
        clients: migratedSchema.tables.clients!.map((c) => (c.name === 'phone' ? { ...c, notnull: true } : c)),
      },
    };
    const problems = compareWithSnapshot(changed, migratedSchema);
    expect(problems.map((p) => [p.kind, p.table, p.column])).toEqual([
      ['changed-column', 'client_tags', 'tag_id'],
      ['changed-column', 'clients', 'phone'],
    ]);
    expect(problems[0]!.message).toContain('pk position 2 → 0');
    expect(problems[1]!.message).toContain('notnull false → true');
  });
});
