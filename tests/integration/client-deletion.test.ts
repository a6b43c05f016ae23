import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientInput } from '../../src-shared/api/clients';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { changeLog, findText } from './db-inspect';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

/** Everything that would identify the deleted client, as stored and as indexed (folded). */
const traces = ['Zacarías', 'zacarias', 'Ybarrondo', 'ybarrondo', 'zaca.ybarr@correo.es', 'ybarr', '+34612987654', '612987654', '87654321X', 'Ornitorrinco', 'ornitorrinco', 'Alergia al níquel', 'niquel', 'Impagos reiterados'];

async function createZacarias(fieldId: string, tagId: string) {
  const input: ClientInput = {
    firstName: 'Zacarías',
    lastName: 'Ybarrondo',
    phone: '612 98 76 54',
    email: 'zaca.ybarr@correo.es',
    taxId: '87654321X',
    notes: 'Alergia al níquel',
    tagIds: [tagId],
    customFields: { [fieldId]: 'Ornitorrinco' },
  };
  return (await api.call('clients.create', input)).client;
}

describe('deleting a client', () => {
  it('leaves nothing behind in any table, the FTS index or the change log, and the same person can come back', async () => {
    const field = await api.call('customFields.create', { label: 'Mascota', kind: 'text' });
    const tag = await api.call('tags.create', { name: 'VIP' });
    const keep = await api.call('clients.create', { firstName: 'Ana', lastName: 'Ruiz', phone: '699 11 22 33' });
    const client = await createZacarias(field.id, tag.id);
    await api.call('clients.update', { id: client.id, city: 'Bilbao', lastName: 'Ybarrondo' });
    await api.call('clients.setBlacklist', { id: client.id, blacklisted: true, reason: 'Impagos reiterados' });
    await api.call('clients.removeTag', { clientId: client.id, tagId: tag.id });
    await api.call('clients.addTag', { clientId: client.id, tagId: tag.id });
    const sqlite = api.host.database.sqlite;
    expect(findText(sqlite, traces).length).toBeGreaterThan(0); // the scan does see the data while it exists

    expect(await api.call('clients.delete', { id: client.id })).toEqual({ id: client.id });

    expect(findText(sqlite, traces)).toEqual([]);
    // Their id (no data) stays in the deletion's audit entry, in the feed's row keys (tombstones, emptied
    // entries, the erasure itself) and in the feed's copy of that audit entry.
    const idHits = findText(sqlite, [client.id]).filter((hit) => !hit.startsWith('change_log.entity_id') && !hit.startsWith('feed.row_id'));
    expect(idHits).toEqual([`feed.data: ${client.id.toLowerCase()}`]);
    const carried = sqlite.prepare('SELECT tbl, data FROM feed WHERE data LIKE ?').all(`%${client.id}%`) as { tbl: string; data: string }[];
    expect(carried.map((row) => [row.tbl, JSON.parse(row.data).call])).toEqual([['change_log', 'clients.delete']]);
    // The FTS5 vocabulary (read through a temp table, the file is not changed) holds none of their words.
    sqlite.exec("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, 'client_search', 'row')");
    const vocabulary = sqlite.prepare('SELECT term FROM temp.search_vocab').pluck().all().map(String);
    for (const word of ['zacarias', 'ybarrondo', 'ybarr', 'zaca', '612987654', '34612987654', '87654321x', 'ornitorrinco', 'niquel']) {
      expect(vocabulary).not.toContain(word);
    }
    expect(vocabulary).toContain('ruiz');
    // Only the fact of the deletion remains in the log about them.
    const about = changeLog(sqlite).filter((row) => row.entity_id === client.id || row.subject_client_id === client.id);
    expect(about).toEqual([{ call: 'clients.delete', entity: 'client', entity_id: client.id, subject_client_id: null, changes: '{"deleted":true}' }]);
    // Nothing orphaned; the tag, the field and the other client stay.
    expect(sqlite.prepare('SELECT count(*) FROM client_tags').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM client_custom_values').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM client_search').pluck().get()).toBe(1);
    expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect((await api.call('tags.list', {})).map((t) => [t.name, t.clientCount])).toEqual([['VIP', 0]]);
    expect((await api.call('clients.search', {})).items.map((c) => c.id)).toEqual([keep.client.id]);
    expect((await api.call('clients.search', { query: 'ybarrondo' })).total).toBe(0);
    expect((await api.refuse('clients.get', { id: client.id })).code).toBe('not_found');
    expect((await api.refuse('clients.delete', { id: client.id })).code).toBe('not_found');

    const again = await createZacarias(field.id, tag.id);
    expect(again.id).not.toBe(client.id);
    expect((await api.call('clients.checkDuplicates', { phone: '612987654', excludeId: again.id })).length).toBe(0);
    expect((await api.call('clients.search', { query: 'ybarrondo' })).items.map((c) => c.id)).toEqual([again.id]);
  });

  it('leaves no readable trace in the database file once closed', async () => {
    const field = await api.call('customFields.create', { label: 'Mascota', kind: 'text' });
    const tag = await api.call('tags.create', { name: 'VIP' });
    await api.call('clients.create', { firstName: 'Ana', lastName: 'Ruiz' });
    const client = await createZacarias(field.id, tag.id);
    await api.call('clients.delete', { id: client.id });
    await api.host.database.close();
    expect(existsSync(`${api.path}-wal`)).toBe(false);
    const bytes = readFileSync(api.path);
    const found = ['ybarrondo', 'zaca.ybarr', 'ornitorrinco', '612987654', '87654321X'].filter(
      (needle) => bytes.includes(Buffer.from(needle, 'utf8')) || bytes.toString('latin1').toLowerCase().includes(needle.toLowerCase()),
    );
    expect(found).toEqual([]);
  });
});
