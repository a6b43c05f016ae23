import type Sqlite from 'better-sqlite3';

/** Every table of the file, FTS shadow tables included (virtual tables are read through their shadows). */
export function allTables(sqlite: Sqlite.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all()
    .map((name) => String(name));
}

/** How many rows each table holds: compared before and after a refused call. */
export function rowCounts(sqlite: Sqlite.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of allTables(sqlite)) {
    counts[table] = Number(sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get());
  }
  return counts;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('latin1') + '\n' + value.toString('utf8');
  return String(value);
}

/** Where (table.column) any of the needles appears as text, case-insensitively, in any cell of any table. */
export function findText(sqlite: Sqlite.Database, needles: string[]): string[] {
  const lowered = needles.map((n) => n.toLowerCase());
  const hits: string[] = [];
  for (const table of allTables(sqlite)) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = cellText(value).toLowerCase();
        for (const needle of lowered) if (text.includes(needle)) hits.push(`${table}.${column}: ${needle}`);
      }
    }
  }
  return hits;
}

export interface LogRow {
  call: string;
  entity: string;
  entity_id: string;
  subject_client_id: string | null;
  changes: string;
}

export function changeLog(sqlite: Sqlite.Database): LogRow[] {
  return sqlite.prepare('SELECT call, entity, entity_id, subject_client_id, changes FROM change_log ORDER BY id').all() as LogRow[];
}
