import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

describe('tags', () => {
  it('creates tags with a chosen or a palette colour and lists them by name with their client count', async () => {
    const vip = await api.call('tags.create', { name: 'VIP', colour: '#AA0011' });
    const pilates = await api.call('tags.create', { name: 'Pilates' });
    expect(vip).toMatchObject({ name: 'VIP', colour: '#AA0011' });
    expect(pilates.colour).toMatch(/^#[0-9a-f]{6}$/);
    await api.call('clients.create', { firstName: 'Ana', tagIds: [vip.id, pilates.id] });
    await api.call('clients.create', { firstName: 'Eva', tagIds: [pilates.id] });
    expect((await api.call('tags.list', {})).map((t) => [t.name, t.clientCount])).toEqual([
      ['Pilates', 2],
      ['VIP', 1],
    ]);
  });

  it('refuses a second tag whose name differs only by case or accents', async () => {
    await api.call('tags.create', { name: 'Embarazo' });
    expect(await api.refuse('tags.create', { name: 'EMBARAZO' })).toMatchObject({ code: 'duplicate_name', field: 'name' });
    await api.call('tags.create', { name: 'Médico' });
    expect((await api.refuse('tags.create', { name: 'medico' })).code).toBe('duplicate_name');
  });

  it('renames a tag, allowing a change of case of its own name, refusing another tag’s name', async () => {
    const tag = await api.call('tags.create', { name: 'Nuevo' });
    await api.call('tags.create', { name: 'VIP' });
    expect(await api.call('tags.update', { id: tag.id, name: 'NUEVO' })).toMatchObject({ id: tag.id, name: 'NUEVO' });
    expect((await api.refuse('tags.update', { id: tag.id, name: 'vip' })).code).toBe('duplicate_name');
    const { client } = await api.call('clients.create', { firstName: 'Ana', tagIds: [tag.id] });
    await api.call('tags.update', { id: tag.id, name: 'Nueva clienta' });
    expect((await api.call('clients.get', { id: client.id })).tags.map((t) => t.name)).toEqual(['Nueva clienta']);
  });

  it('assigns and removes tags; assigning twice keeps one', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    const { client } = await api.call('clients.create', { firstName: 'Ana' });
    expect((await api.call('clients.addTag', { clientId: client.id, tagId: vip.id })).tags).toEqual([vip]);
    expect((await api.call('clients.addTag', { clientId: client.id, tagId: vip.id })).tags).toEqual([vip]);
    expect((await api.call('clients.removeTag', { clientId: client.id, tagId: vip.id })).tags).toEqual([]);
    expect((await api.refuse('clients.addTag', { clientId: client.id, tagId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('not_found');
  });

  it('filters the list and the search by tag', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    const ana = await api.call('clients.create', { firstName: 'Ana', lastName: 'López', tagIds: [vip.id] });
    await api.call('clients.create', { firstName: 'Andrea', lastName: 'Gil' });
    const listed = await api.call('clients.search', { tagId: vip.id });
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ id: ana.client.id, tags: [vip] });
    expect((await api.call('clients.search', { query: 'an', tagId: vip.id })).items.map((c) => c.id)).toEqual([ana.client.id]);
    expect((await api.call('clients.search', { query: 'an' })).total).toBe(2);
  });

  it('deleting a tag takes it off every client and keeps the clients', async () => {
    const vip = await api.call('tags.create', { name: 'VIP' });
    const { client } = await api.call('clients.create', { firstName: 'Ana', tagIds: [vip.id] });
    expect(await api.call('tags.delete', { id: vip.id })).toEqual({ id: vip.id });
    expect((await api.call('clients.get', { id: client.id })).tags).toEqual([]);
    expect(await api.call('tags.list', {})).toEqual([]);
    expect(api.host.database.sqlite.prepare('SELECT count(*) FROM client_tags').pluck().get()).toBe(0);
    expect((await api.refuse('tags.delete', { id: vip.id })).code).toBe('not_found');
  });

  it('refuses a colour that is not #rrggbb', async () => {
    expect(await api.refuse('tags.create', { name: 'Rojo', colour: 'red' })).toMatchObject({ code: 'invalid_input', field: 'colour' });
  });
});
