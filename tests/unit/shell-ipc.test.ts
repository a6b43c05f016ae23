import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RendererLocation } from '../../src-main/shell/renderer-location';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => Promise<unknown>;

// The real 'electron' package only resolves the binary's path under Node: replace the two objects the IPC module uses.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain, shell: electron.shell, BrowserWindow: {}, dialog: {} }));

const { registerIpcHandlers } = await import('../../src-main/shell/ipc');

const indexPath = '/opt/mostrador/out/renderer/index.html';
const renderer: RendererLocation = { kind: 'file', indexPath };
const ownFrame = { url: `${pathToFileURL(indexPath).href}#/clients`, parent: null };
const foreignFrame = { url: 'https://evil.example/', parent: null };

function channel(name: string): Handler {
  const handler = electron.handlers.get(name);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler;
}

describe('IPC handlers', () => {
  let api: TempApi;
  let unregister: () => void;
  let calls: unknown[];

  beforeEach(async () => {
    api = await openTempApi();
    calls = [];
    unregister = registerIpcHandlers({
      invokeFor: () => (call, input) => {
        calls.push(call);
        return api.host.invoke(call, input);
      },
      renderer,
      language: () => 'en',
    });
    electron.shell.openExternal.mockClear();
  });

  afterEach(async () => {
    unregister();
    await api.close();
  });

  it('registers exactly its four channels', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(['api:invoke', 'shell:open-external', 'shell:print', 'shell:print-to-pdf']);
  });

  it('refuses to print for a foreign frame', async () => {
    expect(await channel('shell:print')({ senderFrame: foreignFrame })).toBe(false);
    expect(await channel('shell:print-to-pdf')({ senderFrame: foreignFrame }, 'lista.pdf')).toBe(false);
  });

  it('passes a call from our renderer to the API', async () => {
    const result = await channel('api:invoke')({ senderFrame: ownFrame }, 'settings.get', {});
    expect(result).toMatchObject({ ok: true, value: { language: expect.stringMatching(/^(es|en)$/) } });
    expect(calls).toEqual(['settings.get']);
  });

  it('answers the API refusals unchanged', async () => {
    const result = await channel('api:invoke')({ senderFrame: ownFrame }, 'settings.update', { language: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_choice' } });
  });

  it('refuses a foreign frame without calling the API', async () => {
    const result = await channel('api:invoke')({ senderFrame: foreignFrame }, 'settings.update', { name: 'Hacked' });
    expect(result).toEqual({ ok: false, error: { code: 'unknown_call', message: 'Unknown operation.' } });
    expect(calls).toEqual([]);
    const settings = await api.call('settings.get', {});
    expect(settings.name).not.toBe('Hacked');
  });

  it('refuses a sub-frame of our page and a destroyed frame', async () => {
    const subFrame = { url: ownFrame.url, parent: ownFrame };
    expect(await channel('api:invoke')({ senderFrame: subFrame }, 'settings.get', {})).toMatchObject({ ok: false });
    expect(await channel('api:invoke')({ senderFrame: null }, 'settings.get', {})).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('opens only allow-listed links, and only for our renderer', async () => {
    const open = channel('shell:open-external');
    expect(await open({ senderFrame: ownFrame }, 'https://wa.me/34600111222?text=Hola')).toBe(true);
    expect(await open({ senderFrame: ownFrame }, 'https://evil.example/')).toBe(false);
    expect(await open({ senderFrame: foreignFrame }, 'https://wa.me/34600111222')).toBe(false);
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://wa.me/34600111222?text=Hola']]);
  });
});
