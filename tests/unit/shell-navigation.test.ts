import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { GuardedContents } from '../../src-main/shell/navigation-guard';
import { guardNavigation, navigationDecision } from '../../src-main/shell/navigation-guard';
import type { RendererLocation } from '../../src-main/shell/renderer-location';
import { isOwnRendererUrl, isTrustedSender, rendererLocation } from '../../src-main/shell/renderer-location';

const packaged: RendererLocation = { kind: 'app', url: 'app://mostrador/index.html' };
const indexUrl = 'app://mostrador/index.html';
const builtIndexFile = pathToFileURL(join('/opt', 'Mostrador', 'resources', 'app.asar', 'out', 'renderer', 'index.html')).href;
const dev: RendererLocation = { kind: 'dev-server', url: 'http://localhost:5173/' };

describe('renderer location', () => {
  it('uses the dev server only in an unpackaged app', () => {
    expect(rendererLocation({ devServerUrl: 'http://localhost:5173/', isPackaged: false })).toEqual(dev);
    expect(rendererLocation({ devServerUrl: 'http://localhost:5173/', isPackaged: true })).toEqual(packaged);
    expect(rendererLocation({ devServerUrl: undefined, isPackaged: false })).toEqual(packaged);
  });

  it('recognises our packaged page with any route', () => {
    expect(isOwnRendererUrl(indexUrl, packaged)).toBe(true);
    expect(isOwnRendererUrl(`${indexUrl}#/clients/01H`, packaged)).toBe(true);
    expect(isOwnRendererUrl(`${indexUrl}?view=day`, packaged)).toBe(true);
    expect(isOwnRendererUrl('app://mostrador/', packaged)).toBe(true);
  });

  it('is served from app://mostrador only: never file://, another host or another scheme', () => {
    expect(isOwnRendererUrl(builtIndexFile, packaged)).toBe(false);
    expect(isOwnRendererUrl(pathToFileURL(join('/tmp', 'index.html')).href, packaged)).toBe(false);
    expect(isOwnRendererUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isOwnRendererUrl('app://other/index.html', packaged)).toBe(false);
    expect(isOwnRendererUrl('app://mostrador.evil/index.html', packaged)).toBe(false);
    expect(isOwnRendererUrl('app://user@mostrador/index.html', packaged)).toBe(false);
    expect(isOwnRendererUrl('app://mostrador/assets/index.js', packaged)).toBe(false);
    expect(isOwnRendererUrl('https://mostrador/index.html', packaged)).toBe(false);
    expect(isOwnRendererUrl('http://localhost:5173/', packaged)).toBe(false);
  });

  it('recognises the dev server origin only', () => {
    expect(isOwnRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5173/agenda?day=2026-03-01', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isOwnRendererUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isOwnRendererUrl(indexUrl, dev)).toBe(false);
    expect(isOwnRendererUrl('not a url', dev)).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts the top frame of our page', () => {
    expect(isTrustedSender({ url: `${indexUrl}#/agenda`, parent: null }, packaged)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, dev)).toBe(true);
  });

  it('refuses sub-frames, other pages and destroyed frames', () => {
    expect(isTrustedSender({ url: indexUrl, parent: { url: indexUrl } }, packaged)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, packaged)).toBe(false);
    expect(isTrustedSender({ url: 'https://wa.me/34600111222', parent: null }, dev)).toBe(false);
    expect(isTrustedSender(null, packaged)).toBe(false);
    expect(isTrustedSender(undefined, dev)).toBe(false);
  });
});

type Listener = (event: { url: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as GuardedContents,
    emit(name: string, url: string): boolean {
      const preventDefault = vi.fn();
      listeners.get(name)?.({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    },
    open(url: string): string | undefined {
      return openHandler?.({ url }).action;
    },
  };
}

describe('navigation guard', () => {
  it('decides each navigation', () => {
    expect(navigationDecision(`${indexUrl}#/x`, packaged)).toBe('allow');
    expect(navigationDecision('https://wa.me/34600111222', packaged)).toBe('external');
    expect(navigationDecision('https://evil.example/', packaged)).toBe('deny');
  });

  it('stays on our page and hands allowed links to the system', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    guardNavigation(fake.contents, packaged, openExternal);

    expect(fake.emit('will-navigate', `${indexUrl}#/agenda`)).toBe(false);
    expect(fake.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.emit('will-navigate', 'https://wa.me/34600111222')).toBe(true);
    expect(fake.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fake.emit('will-attach-webview', 'https://evil.example/')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://wa.me/34600111222']]);
  });

  it('never opens a new window', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    guardNavigation(fake.contents, dev, openExternal);

    expect(fake.open('https://wa.me/34600111222?text=Hola')).toBe('deny');
    expect(fake.open('http://localhost:5173/other')).toBe('deny');
    expect(fake.open('javascript:alert(1)')).toBe('deny');
    expect(openExternal.mock.calls).toEqual([['https://wa.me/34600111222?text=Hola']]);
  });
});
