import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api/contract';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { changeLog, rowCounts } from './db-inspect';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

function logSize(): number {
  return changeLog(api.host.database.sqlite).length;
}

/** Runs a successful write and checks it appended exactly one entry naming the call. */
async function expectOneEntry(run: () => Promise<unknown>, call: string) {
  const before = changeLog(api.host.database.sqlite);
  await run();
  const after = changeLog(api.host.database.sqlite);
  expect(after).toHaveLength(before.length + 1);
  expect(after.at(-1)?.call).toBe(call);
}

describe('the change log', () => {
  it('gets exactly one entry per successful write, of every write call', async () => {
    const calls = new Set<string>();
    const write = async (call: string, run: () => Promise<unknown>) => {
      calls.add(call);
      await expectOneEntry(run, call);
    };
    await write('settings.update', () => api.call('settings.update', { name: 'Estudio Alma' }));
    let tagId = '';
    await write('tags.create', async () => (tagId = (await api.call('tags.create', { name: 'VIP' })).id));
    await write('tags.update', () => api.call('tags.update', { id: tagId, colour: '#112233' }));
    let fieldId = '';
    await write('customFields.create', async () => (fieldId = (await api.call('customFields.create', { label: 'Nivel', kind: 'choice', options: ['Inicial', 'Avanzado'] })).id));
    await write('customFields.update', () => api.call('customFields.update', { id: fieldId, position: 3 }));
    let clientId = '';
    await write('clients.create', async () => {
      clientId = (await api.call('clients.create', { firstName: 'Ana', tagIds: [tagId], customFields: { [fieldId]: 'Inicial' } })).client.id;
    });
    await write('clients.update', () => api.call('clients.update', { id: clientId, lastName: 'Ruiz' }));
    await write('clients.setBlacklist', () => api.call('clients.setBlacklist', { id: clientId, blacklisted: true, reason: 'x' }));
    await write('clients.removeTag', () => api.call('clients.removeTag', { clientId, tagId }));
    await write('clients.addTag', () => api.call('clients.addTag', { clientId, tagId }));
    // A deletion scrubs the client's earlier entries (their personal data) and adds its own one.
    const aboutClient = changeLog(api.host.database.sqlite).filter((row) => row.subject_client_id === clientId).length;
    expect(aboutClient).toBe(5);
    const beforeDelete = logSize();
    calls.add('clients.delete');
    await api.call('clients.delete', { id: clientId });
    expect(logSize()).toBe(beforeDelete - aboutClient + 1);
    expect(changeLog(api.host.database.sqlite).at(-1)?.call).toBe('clients.delete');
    await write('customFields.delete', () => api.call('customFields.delete', { id: fieldId }));
    await write('tags.delete', () => api.call('tags.delete', { id: tagId }));

    const writeCalls = Object.entries(contract).filter(([, spec]) => spec.writes).map(([name]) => name);
    expect([...calls].sort()).toEqual(writeCalls.sort());
  });

  it('records what changed, with entity, id and time', async () => {
    const { client } = await api.call('clients.create', { firstName: 'Ana', lastName: 'Ruiz' });
    const entry = api.host.database.sqlite.prepare('SELECT * FROM change_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(entry).toMatchObject({ call: 'clients.create', entity: 'client', entity_id: client.id, subject_client_id: client.id, synced_at: null });
    expect(JSON.parse(String(entry.changes))).toMatchObject({ firstName: 'Ana', lastName: 'Ruiz' });
    expect(entry.at).toBe(client.createdAt);
  });

  it('gets nothing from reads', async () => {
    await api.call('clients.create', { firstName: 'Ana' });
    const before = logSize();
    await api.call('settings.get', {});
    await api.call('clients.search', { query: 'ana' });
    await api.call('tags.list', {});
    await api.call('customFields.list', {});
    await api.call('clients.checkDuplicates', { phone: '612345678' });
    expect(logSize()).toBe(before);
  });

  it('gets nothing, and nothing is written, when a write is refused', async () => {
    const tag = await api.call('tags.create', { name: 'VIP' });
    const { client } = await api.call('clients.create', { firstName: 'Ana', phone: '612345678' });
    const before = rowCounts(api.host.database.sqlite);
    const refusals: [string, unknown][] = [
      ['clients.create', { firstName: 'Eva', phone: '123' }],
      ['clients.create', { firstName: 'Eva', taxId: '12345678A' }],
      ['clients.create', { firstName: 'Eva', tagIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] }],
      ['clients.create', { firstName: 'Eva', birthDate: '2999-01-01' }],
      ['clients.update', { id: client.id, email: 'no-es-un-correo' }],
      ['clients.update', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', firstName: 'X' }],
      ['clients.addTag', { clientId: client.id, tagId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
      ['clients.delete', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
      ['tags.create', { name: 'vip' }],
      ['tags.update', { id: tag.id, name: '' }],
      ['settings.update', { timeZone: 'Europe/Atlantis' }],
      ['customFields.create', { label: 'Nivel', kind: 'choice', options: [] }],
    ];
    for (const [call, input] of refusals) await api.refuse(call, input);
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });
});
