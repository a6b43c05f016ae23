import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCloud } from '../helpers/test-cloud';
import { describeCloud, startTestCloud } from '../helpers/test-cloud';
import type { SyncedDesk } from '../helpers/sync-desks';
import { openSyncedDesk } from '../helpers/sync-desks';

describeCloud('two desks and the server', () => {
  let cloud: TestCloud;
  let a: SyncedDesk;
  let b: SyncedDesk;
  beforeAll(async () => {
    cloud = await startTestCloud();
    a = await openSyncedDesk({ url: cloud.url, key: await cloud.newDeskKey('A') }, 'Recepción A');
    b = await openSyncedDesk({ url: cloud.url, key: await cloud.newDeskKey('B') }, 'Recepción B');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cloud?.close();
  });

  it('a client made on one desk appears on the other', async () => {
    const { client } = await a.call('clients.create', { firstName: 'Ana', lastName: 'García', phone: '612 345 678' });
    await a.sync();
    await b.sync();
    expect((await b.call('sync.status', {})).state).toBe('synced');
    const card = await b.call('clients.get', { id: client.id });
    expect(card.firstName).toBe('Ana');
    await b.call('clients.update', { id: client.id, notes: 'Alergia al látex' });
    await b.sync();
    await a.sync();
    expect((await a.call('clients.get', { id: client.id })).notes).toBe('Alergia al látex');
  });
});
