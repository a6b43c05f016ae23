import type BetterSqlite3 from 'better-sqlite3';
import type { FeedTable } from '../tables/feed';
import { localColumns } from './table-kinds';
import type { TableShape } from './table-shapes';
import { currentTableShapes } from './table-shapes';

export type FeedChange = Pick<FeedTable, 'tbl' | 'row_id' | 'op' | 'data'>;

const quote = (name: string) => `"${name}"`;
// SQLite reads each value out of the entry's JSON itself, so its type (text, integer, real) is kept.
const valueOf = (column: string) => `json_extract(@data, '$."${column}"')`;

/**
 * Applies changes recorded by a feed (a replay, or another desk's) to this database, in order.
 * The caller holds the transaction, pauses this database's own feed and turns foreign keys off:
 * the feed already holds every cascade as its own entry. Derived columns (kept counts, balances)
 * are recomputed by this database's triggers as the rows arrive. Returns the clients whose search
 * words must be rebuilt.
 */
export function createChangeApplier(sqlite: BetterSqlite3.Database, options: { upsert?: boolean } = {}) {
  const shapes = new Map(currentTableShapes(sqlite).map((shape) => [shape.name, shape]));
  const statements = new Map<string, BetterSqlite3.Statement>();
  const touchedClients = new Set<string>();

  function statement(key: string, build: () => string): BetterSqlite3.Statement {
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = sqlite.prepare(build());
      statements.set(key, prepared);
    }
    return prepared;
  }

  function shapeOf(table: string): TableShape {
    const shape = shapes.get(table);
    if (!shape) throw new Error(`the feed names a table this database does not sync: ${table}`);
    return shape;
  }

  // The search index is this desk's own: a client leaving takes their words with them.
  const dropSearchWords = sqlite.prepare("DELETE FROM client_search WHERE rowid = (SELECT search_rowid FROM clients WHERE id = json_extract(@key, '$[0]'))");

  const whereKey = (shape: TableShape) => shape.primaryKey.map((c, i) => `${quote(c)} = json_extract(@key, '$[${i}]')`).join(' AND ');

  function apply(change: FeedChange): void {
    // An entry an erasure emptied: the row it described is gone, and so is what it said.
    if ((change.op === 'insert' || change.op === 'update') && change.data === null) return;
    const shape = shapeOf(change.tbl);
    const key = change.row_id;
    switch (change.op) {
      case 'insert': {
        const columns = Object.keys(JSON.parse(change.data!) as object);
        const filled = Object.entries(localColumns[shape.name] ?? {}).filter((entry): entry is [string, string] => entry[1] !== null);
        statement(`i:${shape.name}:${columns.join(',')}`, () => {
          const names = [...columns, ...filled.map(([c]) => c)].map(quote).join(', ');
          const values = [...columns.map(valueOf), ...filled.map(([, fill]) => fill)].join(', ');
          const insert = `INSERT INTO ${quote(shape.name)} (${names}) VALUES (${values})`;
          if (!options.upsert) return insert;
          // A sync's pull: the row may already be here (this desk's own, or an earlier version).
          const set = columns.filter((c) => !shape.primaryKey.includes(c)).map((c) => `${quote(c)} = excluded.${quote(c)}`);
          const conflict = `ON CONFLICT (${shape.primaryKey.map(quote).join(', ')})`;
          if (set.length === 0) return `${insert} ${conflict} DO NOTHING`;
          // A row that comes back as it is here (this desk's own) is left untouched: an update would
          // fire the table's update triggers (credit_ledger refuses any, being append-only).
          const others = columns.filter((c) => !shape.primaryKey.includes(c));
          const differs = `(${others.map((c) => `${quote(shape.name)}.${quote(c)}`).join(', ')}) IS NOT (${others.map((c) => `excluded.${quote(c)}`).join(', ')})`;
          return `${insert} ${conflict} DO UPDATE SET ${set.join(', ')} WHERE ${differs}`;
        }).run({ data: change.data });
        break;
      }
      case 'update': {
        const columns = Object.keys(JSON.parse(change.data!) as object);
        statement(`u:${shape.name}:${columns.join(',')}`, () => {
          return `UPDATE ${quote(shape.name)} SET ${columns.map((c) => `${quote(c)} = ${valueOf(c)}`).join(', ')} WHERE ${whereKey(shape)}`;
        }).run({ data: change.data, key });
        break;
      }
      case 'delete':
      case 'erase':
        if (shape.name === 'clients') dropSearchWords.run({ key });
        statement(`d:${shape.name}`, () => `DELETE FROM ${quote(shape.name)} WHERE ${whereKey(shape)}`).run({ key });
        break;
    }
    if (shape.name === 'clients' || shape.name === 'client_custom_values') {
      // Both keys start with the client's id; their card or custom values are what they are found by.
      const clientId = (JSON.parse(key) as string[])[0];
      if (clientId && change.op !== 'erase' && !(change.op === 'delete' && shape.name === 'clients')) touchedClients.add(clientId);
    }
  }

  return { apply, touchedClients };
}
