import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import type { Database } from '../../src-main/db/database';
import { migrate } from '../../src-main/db/migrate';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi, openTempApiIn } from '../helpers/temp-api';

let api: TempApi;
afterEach(async () => {
  await api.close();
});

async function found(query: string): Promise<string[]> {
  const { items } = await api.call('clients.search', { query });
  return items.map((c) => `${c.firstName} ${c.lastName ?? ''}`.trim()).sort();
}

/** The prefixes of `word` from `from` letters up to the whole word. */
function prefixesOf(word: string, from: number): string[] {
  return Array.from({ length: word.length - from + 1 }, (_, i) => word.slice(0, from + i));
}

describe('search by long words (prefix indexes of 1 to 10 letters, migration 0020)', () => {
  it('finds a custom value and a last name by every prefix, within the indexed lengths and past them', async () => {
    api = await openTempApi();
    const level = await api.call('customFields.create', { label: 'Nivel', kind: 'text' });
    await api.call('clients.create', { firstName: 'Ana', lastName: 'Rodríguez Echeverría', customFields: { [level.id]: 'Intermedio' } });
    await api.call('clients.create', { firstName: 'Eva', lastName: 'Rodrigo', customFields: { [level.id]: 'Principiante' } });
    await api.call('clients.create', { firstName: 'Inés', lastName: 'Interián', customFields: { [level.id]: 'Inicial' } });

    for (const query of prefixesOf('intermedio', 6)) expect(await found(query), query).toEqual(['Ana Rodríguez Echeverría']);
    for (const query of prefixesOf('echeverria', 7)) expect(await found(query), query).toEqual(['Ana Rodríguez Echeverría']);
    // Twelve letters: past the longest prefix index, still found (FTS5 merges the words that start with it).
    for (const query of prefixesOf('principiante', 9)) expect(await found(query), query).toEqual(['Eva Rodrigo']);
    expect(await found('rodrig')).toEqual(['Ana Rodríguez Echeverría', 'Eva Rodrigo']);
    expect(await found('Rodríguez')).toEqual(['Ana Rodríguez Echeverría']);
    expect(await found('inter')).toEqual(['Ana Rodríguez Echeverría', 'Inés Interián']);
    // A prefix is not a substring, and a longer word than the indexed one finds nothing.
    expect(await found('termedio')).toEqual([]);
    expect(await found('intermedios')).toEqual([]);
    expect(await found('inicialmente')).toEqual([]);
  });

  it('finds the same clients for two words in either order, whole or as prefixes', async () => {
    api = await openTempApi();
    await api.call('clients.create', { firstName: 'María José', lastName: 'García Hernández' });
    await api.call('clients.create', { firstName: 'María', lastName: 'Garrido' });
    await api.call('clients.create', { firstName: 'José', lastName: 'García' });

    expect(await found('maria gar')).toEqual(['María Garrido', 'María José García Hernández']);
    expect(await found('gar maria')).toEqual(['María Garrido', 'María José García Hernández']);
    expect(await found('garcia jose')).toEqual(['José García', 'María José García Hernández']);
    expect(await found('jose garcia')).toEqual(['José García', 'María José García Hernández']);
    expect(await found('hernandez maria jose')).toEqual(['María José García Hernández']);
    expect(await found('maria jose hern')).toEqual(['María José García Hernández']);
  });
});

describe('0020-search-prefixes on a centre with clients', () => {
  it('rebuilds the search index: every client found as before and by longer prefixes, same rowids, deletes still secure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-search-prefixes-'));
    const path = join(dir, 'mostrador.db');
    const sqlite = new Sqlite(path);
    sqlite.pragma('journal_mode = WAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrate(db, sqlite, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0020')), () => null);
    const at = "'2026-11-01T10:00:00.000Z'";
    sqlite.prepare(`INSERT INTO clients (id, search_rowid, first_name, last_name, sort_name, registered_on, created_at, updated_at)
      VALUES ('C1', 7, 'Lucía', 'Fernández', 'fernandez lucia', '2026-11-01', ${at}, ${at})`).run();
    sqlite.prepare("INSERT INTO client_search (rowid, words) VALUES (7, 'lucia fernandez')").run();
    await db.destroy();

    api = await openTempApiIn(dir, { fiscal: false });
    const raw = api.host.database.sqlite;
    expect(raw.prepare("SELECT name FROM schema_migrations WHERE name = '0020-search-prefixes'").pluck().get()).toBe('0020-search-prefixes');
    expect(raw.prepare("SELECT sql FROM sqlite_schema WHERE name = 'client_search'").pluck().get()).toContain("prefix = '1 2 3 4 5 6 7 8 9 10'");
    expect(raw.prepare("SELECT v FROM client_search_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    expect(raw.prepare("SELECT rowid, words FROM client_search").all()).toEqual([{ rowid: 7, words: 'lucia fernandez' }]);
    for (const query of ['lu', 'Lucía', 'fern', 'fernand', 'fernandez', 'lucia fernandez']) expect(await found(query), query).toEqual(['Lucía Fernández']);
  });
});
