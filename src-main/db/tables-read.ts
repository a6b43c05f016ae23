import { AsyncLocalStorage } from 'node:async_hooks';
import { isSyncedTable } from './feed/table-kinds';

/**
 * Which of the centre's tables a read call touched, found from the SQL it ran: the renderer then
 * refreshes a query only when a write or a sync changes one of them (as Actual's live queries do).
 */
const current = new AsyncLocalStorage<Set<string>>();
const tablesBySql = new Map<string, string[]>();
// FROM or JOIN followed by a (possibly quoted) name.
const tableReference = /\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi;

function tablesOf(sql: string): string[] {
  let tables = tablesBySql.get(sql);
  if (!tables) {
    tables = [...new Set([...sql.matchAll(tableReference)].map((m) => m[1]!.toLowerCase()))].filter(isSyncedTable);
    if (tablesBySql.size < 5000) tablesBySql.set(sql, tables);
  }
  return tables;
}

/** Called for every statement the app runs (by the statement cache). */
export function noteStatement(sql: string): void {
  const tables = current.getStore();
  if (tables) for (const table of tablesOf(sql)) tables.add(table);
}

export async function trackTablesRead<T>(read: () => Promise<T>): Promise<{ value: T; tables: string[] }> {
  const tables = new Set<string>();
  const value = await current.run(tables, read);
  return { value, tables: [...tables].sort() };
}
