import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateFeed, UpdatesOverview, UpdateState } from '../../src-shared/domain/updates';
import type { UpdateService } from '../../src-main/api/update-service';
import { openApi } from '../../src-main/api/open-api';
import { AppError } from '../../src-main/errors/app-error';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

/** The updates.* calls through the contract, as the browser host and the CLI serve them: no updater. */
describe('updates without a self-update (browser host, CLI)', () => {
  let api: TempApi;
  beforeEach(async () => {
    api = await openTempApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('say the self-update is unavailable, with no feed stored', async () => {
    expect(await api.call('updates.state', {})).toEqual({
      feed: { url: null, channel: 'latest' },
      feedInUse: null,
      fromEnvironment: false,
      currentVersion: null,
      state: { status: 'unavailable', reason: 'no-updater' },
    } satisfies UpdatesOverview);
    expect(await api.call('updates.check', {})).toEqual({ status: 'unavailable', reason: 'no-updater' });
    expect(await api.refuse('updates.install', {})).toMatchObject({ code: 'update_not_ready' });
  });

  it('store an https feed and its channel for this desk', async () => {
    const saved = await api.call('updates.setFeed', { url: '  https://updates.example/mostrador/  ', channel: 'beta' });
    expect(saved.feed).toEqual({ url: 'https://updates.example/mostrador/', channel: 'beta' });
    expect((await api.call('updates.state', {})).feed).toEqual({ url: 'https://updates.example/mostrador/', channel: 'beta' });

    // Empty or null: this desk does not update itself.
    expect((await api.call('updates.setFeed', { url: '', channel: 'latest' })).feed).toEqual({ url: null, channel: 'latest' });
    await api.call('updates.setFeed', { url: 'https://updates.example/', channel: 'latest' });
    expect((await api.call('updates.setFeed', { url: null, channel: 'latest' })).feed).toEqual({ url: null, channel: 'latest' });
  });

  it('refuse anything but an https address, beside the url field, and keep the stored feed', async () => {
    await api.call('updates.setFeed', { url: 'https://updates.example/', channel: 'latest' });
    for (const url of ['http://updates.example/', 'ftp://updates.example/', 'updates.example', 'file:///tmp/feed', 'https://user:secret@updates.example/', 'https://']) {
      const error = await api.refuse('updates.setFeed', { url, channel: 'latest' });
      expect(error, url).toMatchObject({ code: 'update_url_https', field: 'url' });
      expect(error.message).toBe('La dirección de actualizaciones debe empezar por https://.');
    }
    expect(await api.refuse('updates.setFeed', { url: 'https://updates.example/', channel: 'nightly' })).toMatchObject({ code: 'invalid_choice', field: 'channel' });
    expect((await api.call('updates.state', {})).feed).toEqual({ url: 'https://updates.example/', channel: 'latest' });
  });

  it('audit who changed the feed', async () => {
    await api.call('updates.setFeed', { url: 'https://updates.example/', channel: 'beta' });
    const row = api.host.database.sqlite.prepare("SELECT call, entity, changes FROM change_log WHERE call = 'updates.setFeed'").get() as { call: string; entity: string; changes: string };
    expect(row.entity).toBe('desk_identity');
    expect(JSON.parse(row.changes)).toEqual({ updateUrl: 'https://updates.example/', updateChannel: 'beta' });
  });

  it('let only managers choose the feed or install, and everyone see the state', async () => {
    const owner = await api.call('staff.create', { name: 'Olga Dueña', role: 'owner' });
    const desk = await api.call('staff.create', { name: 'Rita Recepción', role: 'reception' });
    await api.call('auth.signIn', { staffId: owner.id });
    await api.call('staff.setPin', { staffId: owner.id, pin: '1111' });
    await api.call('staff.setPin', { staffId: desk.id, pin: '3333' });
    const reception = api.host.openSession().invoke;
    expect(await reception('auth.signIn', { staffId: desk.id, pin: '3333' })).toMatchObject({ ok: true });

    expect(await reception('updates.state', {})).toMatchObject({ ok: true });
    expect(await reception('updates.check', {})).toMatchObject({ ok: true });
    expect(await reception('updates.setFeed', { url: 'https://evil.example/', channel: 'latest' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await reception('updates.install', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api.call('updates.state', {})).feed.url).toBeNull();
  });
});

/** A stand-in for the desktop updater: what the handlers ask of it. */
function fakeUpdates(): UpdateService & { feeds: UpdateFeed[]; next: UpdateState; installs: number } {
  return {
    feeds: [],
    next: { status: 'idle', checkedAt: null },
    installs: 0,
    currentVersion: '0.1.0',
    state() {
      return this.next;
    },
    configure(feed) {
      this.feeds.push(feed);
    },
    feedInUse() {
      return { url: this.feeds.at(-1)?.url ?? null, fromEnvironment: false };
    },
    check() {
      this.next = { status: 'checking' };
      return this.next;
    },
    async installNow() {
      if (this.next.status !== 'ready') throw new AppError('update_not_ready');
      this.installs += 1;
      this.next = { status: 'installing', version: this.next.version };
      return this.next;
    },
    close() {},
  };
}

describe('updates in the desktop app', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mostrador-updates-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('start the updater from the stored feed, tell it a new one, and pass check and install through', async () => {
    const path = join(dir, 'mostrador.db');
    const first = await openApi(path);
    expect(await first.invoke('updates.setFeed', { url: 'https://updates.example/', channel: 'beta' })).toMatchObject({ ok: true });
    await first.close();

    const updates = fakeUpdates();
    const host = await openApi(path, { updates });
    try {
      // Configured on opening, from desk_identity.
      expect(updates.feeds).toEqual([{ url: 'https://updates.example/', channel: 'beta' }]);
      expect(await host.invoke('updates.state', {})).toMatchObject({
        ok: true,
        value: { feed: { url: 'https://updates.example/', channel: 'beta' }, feedInUse: 'https://updates.example/', currentVersion: '0.1.0', state: { status: 'idle' } },
      });

      await host.invoke('updates.setFeed', { url: 'https://other.example/feed/', channel: 'latest' });
      expect(updates.feeds.at(-1)).toEqual({ url: 'https://other.example/feed/', channel: 'latest' });

      expect(await host.invoke('updates.check', {})).toEqual({ ok: true, value: { status: 'checking' }, reads: [] });
      expect(await host.invoke('updates.install', {})).toMatchObject({ ok: false, error: { code: 'update_not_ready' } });
      updates.next = { status: 'ready', version: '0.2.0' };
      expect(await host.invoke('updates.install', {})).toMatchObject({ ok: true, value: { status: 'installing', version: '0.2.0' } });
      expect(updates.installs).toBe(1);
    } finally {
      await host.close();
    }
  });

  it('translate the updater\'s refusal while a sale is open', async () => {
    const updates = fakeUpdates();
    updates.installNow = async () => Promise.reject(new AppError('update_sale_open'));
    const host = await openApi(join(dir, 'mostrador.db'), { updates });
    try {
      expect(await host.invoke('updates.install', {})).toMatchObject({
        ok: false,
        error: { code: 'update_sale_open', message: expect.stringContaining('venta') },
      });
    } finally {
      await host.close();
    }
  });
});
