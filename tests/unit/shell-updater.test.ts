import { describe, expect, it, vi } from 'vitest';
import { startUpdater, updateFeedUrl } from '../../src-main/shell/updater';

describe('updater', () => {
  it('is off unless an https feed is configured', () => {
    expect(updateFeedUrl({})).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: '  ' })).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: 'not a url' })).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: 'http://updates.example/' })).toBeNull();
    expect(updateFeedUrl({ MOSTRADOR_UPDATE_URL: 'https://updates.example/mostrador/' })).toBe('https://updates.example/mostrador/');
  });

  it('does nothing without a feed or outside a packaged app', async () => {
    const log = vi.fn();
    expect(await startUpdater({ feedUrl: null, isPackaged: true, log })).toBe(false);
    expect(await startUpdater({ feedUrl: 'https://updates.example/', isPackaged: false, log })).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });
});
