import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src-main/errors/app-error';
import type { UpdateServiceOptions, UpdaterPort } from '../../src-main/shell/updater';
import { createUpdateService, dailyMs, updateFeedUrl } from '../../src-main/shell/updater';
import { createOpenSales } from '../../src-main/shell/open-sales';

/** electron-updater's autoUpdater, replaced: an EventEmitter the test drives, recording what it was asked. */
class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  channel: string | null = null;
  feeds: { provider: 'generic'; url: string; channel: string }[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  order: string[];
  /** What the next quitAndInstall does: electron-updater either quits or emits "error" and returns. */
  installFails = false;

  constructor(order: string[]) {
    super();
    this.order = order;
  }
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    this.emit('checking-for-update');
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.order.push('quitAndInstall');
    this.installs.push([isSilent, isForceRunAfter]);
    if (this.installFails) this.emit('error', new Error('No update filepath provided'));
  }
}

const feed = 'https://updates.example/mostrador/';
const flush = () => new Promise((resolve) => setImmediate(resolve));

function setUp(overrides: Partial<UpdateServiceOptions> = {}) {
  const order: string[] = [];
  const updater = new FakeUpdater(order);
  const log = vi.fn();
  const quit = vi.fn(() => order.push('quit'));
  const sales = createOpenSales();
  const backupBeforeUpdate = vi.fn(async () => {
    order.push('backup');
  });
  const service = createUpdateService({
    isPackaged: true,
    currentVersion: '0.1.0',
    environmentFeed: null,
    loadUpdater: async () => updater,
    isSaleOpen: () => sales.any(),
    backupBeforeUpdate,
    quit,
    log,
    now: () => new Date('2027-01-04T09:00:00.000Z'),
    later: (run) => run(),
    ...overrides,
  });
  return { service, updater, order, log, quit, sales, backupBeforeUpdate };
}

/** Through check, available, progress and downloaded: an update ready to install. */
async function readyUpdate(fake: ReturnType<typeof setUp>, version = '0.2.0') {
  fake.service.configure({ url: feed, channel: 'latest' });
  await flush();
  fake.updater.emit('update-available', { version });
  fake.updater.emit('download-progress', { percent: 42.7 });
  fake.updater.emit('update-downloaded', { version });
}

describe('update feed from the environment', () => {
  it('is used only when it is https', () => {
    expect(updateFeedUrl({})).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: '  ' })).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: 'not a url' })).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: 'http://updates.example/' })).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: 'https://updates.example/mostrador/' })).toBe('https://updates.example/mostrador/');
  });
});

describe('the updater state machine', () => {
  it('is unavailable outside a packaged app, and without a feed', async () => {
    const loadUpdater = vi.fn();
    const unpackaged = setUp({ isPackaged: false, loadUpdater });
    unpackaged.service.configure({ url: feed, channel: 'latest' });
    expect(unpackaged.service.state()).toEqual({ status: 'unavailable', reason: 'not-packaged' });
    expect(unpackaged.service.check()).toEqual({ status: 'unavailable', reason: 'not-packaged' });

    const noFeed = setUp({ loadUpdater });
    noFeed.service.configure({ url: null, channel: 'latest' });
    expect(noFeed.service.check()).toEqual({ status: 'unavailable', reason: 'no-feed' });
    await flush();
    // Nothing was even loaded: electron-updater stays untouched.
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('checks on start with the desk\'s feed and channel, and never allows a downgrade', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'beta' });
    expect(fake.service.state()).toEqual({ status: 'checking' });
    await flush();
    expect(fake.updater.feeds).toEqual([{ provider: 'generic', url: feed, channel: 'beta' }]);
    expect(fake.updater.channel).toBe('beta');
    expect(fake.updater.allowDowngrade).toBe(false);
    expect(fake.updater.autoDownload).toBe(true);
    // Installing on quit goes through interceptQuit, after a backup.
    expect(fake.updater.autoInstallOnAppQuit).toBe(false);
    expect(fake.updater.checks).toBe(1);
    expect(fake.service.feedInUse()).toEqual({ url: feed, fromEnvironment: false });
  });

  it('lets MOSTRADOR_UPDATE_URL override the desk\'s feed', async () => {
    const fake = setUp({ environmentFeed: 'https://override.example/' });
    fake.service.configure({ url: feed, channel: 'latest' });
    await flush();
    expect(fake.updater.feeds[0]!.url).toBe('https://override.example/');
    expect(fake.service.feedInUse()).toEqual({ url: 'https://override.example/', fromEnvironment: true });
    fake.service.configure({ url: null, channel: 'latest' });
    expect(fake.service.state().status).not.toBe('unavailable');
  });

  it('goes checking → up to date', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'latest' });
    await flush();
    fake.updater.emit('update-not-available', { version: '0.1.0' });
    expect(fake.service.state()).toEqual({ status: 'idle', checkedAt: '2027-01-04T09:00:00.000Z' });
  });

  it('does not stay "checking" after a check that told nothing', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'latest' });
    await flush();
    expect(fake.service.state()).toEqual({ status: 'idle', checkedAt: '2027-01-04T09:00:00.000Z' });
    fake.service.check();
    await flush();
    expect(fake.updater.checks).toBe(2);
  });

  it('goes checking → downloading (percent) → ready', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'latest' });
    await flush();
    fake.updater.emit('update-available', { version: '0.2.0' });
    expect(fake.service.state()).toEqual({ status: 'downloading', version: '0.2.0', percent: 0 });
    fake.updater.emit('download-progress', { percent: 42.7 });
    expect(fake.service.state()).toEqual({ status: 'downloading', version: '0.2.0', percent: 42 });
    fake.updater.emit('download-progress', { percent: 180 });
    expect(fake.service.state()).toMatchObject({ percent: 100 });
    fake.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(fake.service.state()).toEqual({ status: 'ready', version: '0.2.0' });
  });

  it('shows a failed check or download, logs it and installs nothing', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'latest' });
    await flush();
    fake.updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(fake.service.state()).toEqual({ status: 'error', stage: 'check', detail: 'net::ERR_INTERNET_DISCONNECTED', at: '2027-01-04T09:00:00.000Z' });

    fake.service.check();
    await flush();
    fake.updater.emit('update-available', { version: '0.2.0' });
    fake.updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(fake.service.state()).toMatchObject({ status: 'error', stage: 'download', detail: 'sha512 checksum mismatch' });
    expect(fake.log).toHaveBeenCalledTimes(2);
    await expect(fake.service.installNow()).rejects.toMatchObject({ code: 'update_not_ready' });
    expect(fake.updater.installs).toEqual([]);
  });

  it('shows an updater that could not even be loaded', async () => {
    const fake = setUp({ loadUpdater: async () => Promise.reject(new Error('Cannot find module electron-updater')) });
    fake.service.configure({ url: feed, channel: 'latest' });
    await flush();
    expect(fake.service.state()).toMatchObject({ status: 'error', stage: 'check', detail: 'Cannot find module electron-updater' });
  });

  it('does not check again while downloading or once an update is ready', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'latest' });
    await flush();
    fake.updater.emit('update-available', { version: '0.2.0' });
    fake.service.check();
    await flush();
    fake.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(fake.service.check()).toEqual({ status: 'ready', version: '0.2.0' });
    await flush();
    expect(fake.updater.checks).toBe(1);
  });

  describe('with a fake clock', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('checks again every day while running, until closed', async () => {
      const fake = setUp({ later: (run) => run() });
      fake.service.configure({ url: feed, channel: 'latest' });
      await vi.advanceTimersByTimeAsync(0);
      fake.updater.emit('update-not-available', {});
      expect(fake.updater.checks).toBe(1);

      await vi.advanceTimersByTimeAsync(dailyMs - 1000);
      expect(fake.updater.checks).toBe(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(fake.updater.checks).toBe(2);
      fake.updater.emit('update-not-available', {});
      await vi.advanceTimersByTimeAsync(dailyMs);
      expect(fake.updater.checks).toBe(3);

      fake.service.close();
      fake.updater.emit('update-not-available', {});
      await vi.advanceTimersByTimeAsync(3 * dailyMs);
      expect(fake.updater.checks).toBe(3);
    });

    it('keeps one daily timer however often the feed changes', async () => {
      const fake = setUp();
      fake.service.configure({ url: feed, channel: 'latest' });
      await vi.advanceTimersByTimeAsync(0);
      fake.updater.emit('update-not-available', {});
      fake.service.configure({ url: 'https://other.example/', channel: 'beta' });
      await vi.advanceTimersByTimeAsync(0);
      fake.updater.emit('update-not-available', {});
      expect(fake.updater.checks).toBe(2);
      expect(fake.updater.feeds.map((f) => f.url)).toEqual([feed, 'https://other.example/']);
      await vi.advanceTimersByTimeAsync(dailyMs);
      expect(fake.updater.checks).toBe(3);
      fake.service.close();
    });
  });
});

describe('installing', () => {
  it('is refused when nothing is downloaded', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'latest' });
    await expect(fake.service.installNow()).rejects.toEqual(new AppError('update_not_ready'));
    expect(fake.backupBeforeUpdate).not.toHaveBeenCalled();
  });

  it('is refused while a sale is being taken, and allowed once it is done', async () => {
    const fake = setUp();
    await readyUpdate(fake);
    const window = new EventEmitter() as EventEmitter & { id: number };
    window.id = 7;
    fake.sales.set(window, true);
    await expect(fake.service.installNow()).rejects.toEqual(new AppError('update_sale_open'));
    expect(fake.backupBeforeUpdate).not.toHaveBeenCalled();
    expect(fake.updater.installs).toEqual([]);
    expect(fake.service.state()).toEqual({ status: 'ready', version: '0.2.0' });

    fake.sales.set(window, false);
    await expect(fake.service.installNow()).resolves.toEqual({ status: 'installing', version: '0.2.0' });
  });

  it('counts a window that closed with a sale open as no sale', async () => {
    const fake = setUp();
    await readyUpdate(fake);
    const window = new EventEmitter() as EventEmitter & { id: number };
    window.id = 9;
    fake.sales.set(window, true);
    window.emit('destroyed');
    await expect(fake.service.installNow()).resolves.toMatchObject({ status: 'installing' });
  });

  it('backs up first, then quits and installs silently, restarting into the new version', async () => {
    const fake = setUp();
    await readyUpdate(fake);
    await fake.service.installNow();
    expect(fake.order).toEqual(['backup', 'quitAndInstall']);
    expect(fake.updater.installs).toEqual([[true, true]]);
  });

  it('answers the call before the app quits', async () => {
    const queued: (() => void)[] = [];
    const fake = setUp({ later: (run) => queued.push(run) });
    await readyUpdate(fake);
    await fake.service.installNow();
    expect(fake.order).toEqual(['backup']);
    queued.forEach((run) => run());
    await flush();
    expect(fake.order).toEqual(['backup', 'quitAndInstall']);
  });

  it('installs nothing when the backup fails, and says so', async () => {
    const fake = setUp({ backupBeforeUpdate: async () => Promise.reject(new Error('disk full')) });
    await readyUpdate(fake);
    await expect(fake.service.installNow()).rejects.toEqual(new AppError('backup_failed'));
    expect(fake.updater.installs).toEqual([]);
    expect(fake.service.state()).toMatchObject({ status: 'error', stage: 'backup', detail: 'disk full' });
  });

  it('keeps running the current version when electron-updater cannot install', async () => {
    const fake = setUp();
    await readyUpdate(fake);
    fake.updater.installFails = true;
    await fake.service.installNow();
    await flush();
    expect(fake.service.state()).toMatchObject({ status: 'error', stage: 'install' });
    expect(fake.quit).not.toHaveBeenCalled();
  });
});

describe('installing on quit', () => {
  const quitEvent = () => ({ preventDefault: vi.fn() });

  it('lets the app quit when nothing is downloaded', async () => {
    const fake = setUp();
    fake.service.configure({ url: feed, channel: 'latest' });
    const event = quitEvent();
    fake.service.interceptQuit(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('holds the quit back to back up, then installs without relaunching; the next quit goes through', async () => {
    const fake = setUp();
    await readyUpdate(fake);
    const event = quitEvent();
    fake.service.interceptQuit(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await flush();
    expect(fake.order).toEqual(['backup', 'quitAndInstall']);
    expect(fake.updater.installs).toEqual([[true, false]]);

    // electron-updater's own app.quit() comes back through before-quit: it must not be held again.
    const again = quitEvent();
    fake.service.interceptQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits, on the running version, when the backup fails', async () => {
    const fake = setUp({ backupBeforeUpdate: async () => Promise.reject(new Error('read-only')) });
    await readyUpdate(fake);
    fake.service.interceptQuit(quitEvent());
    await flush();
    expect(fake.updater.installs).toEqual([]);
    expect(fake.quit).toHaveBeenCalledTimes(1);
    expect(fake.service.state()).toMatchObject({ status: 'error', stage: 'backup' });
  });

  it('still quits when electron-updater cannot install', async () => {
    const fake = setUp();
    await readyUpdate(fake);
    fake.updater.installFails = true;
    fake.service.interceptQuit(quitEvent());
    await flush();
    expect(fake.order).toEqual(['backup', 'quitAndInstall', 'quit']);
  });
});
