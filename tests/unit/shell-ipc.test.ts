import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RendererLocation } from '../../src-main/shell/renderer-location';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => Promise<unknown>;

// The real 'electron' package only resolves the binary's path under Node: replace the two objects the IPC module uses.
type Listener = (event: { senderFrame: { url: string; parent: unknown } | null; sender: { id: number } }, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Listener>();
  return {
    handlers,
    listeners,
    ipcMain: {
      on: (channel: string, listener: Listener) => listeners.set(channel, listener),
      removeListener: (channel: string) => listeners.delete(channel),
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

const renderer: RendererLocation = { kind: 'app', url: 'app://mostrador/index.html' };
const ownFrame = { url: 'app://mostrador/index.html#/clients', parent: null };
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
  let sales: [number, boolean][];

  beforeEach(async () => {
    sales = [];
    api = await openTempApi();
    calls = [];
    unregister = registerIpcHandlers({
      invokeFor: () => (call, input) => {
        calls.push(call);
        return api.host.invoke(call, input);
      },
      renderer,
      language: () => 'en',
      onSaleOpen: (sender, open) => sales.push([sender.id, open]),
    });
    electron.shell.openExternal.mockClear();
  });

  afterEach(async () => {
    unregister();
    await api.close();
  });

  it('registers exactly its four channels and the sale-open message', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(['api:invoke', 'shell:open-external', 'shell:print', 'shell:print-to-pdf']);
    expect([...electron.listeners.keys()]).toEqual(['desk:sale-open']);
  });

  it('tells main a window is taking a sale only when our renderer says so', () => {
    const saleOpen = electron.listeners.get('desk:sale-open')!;
    saleOpen({ senderFrame: ownFrame, sender: { id: 3 } }, true);
    saleOpen({ senderFrame: ownFrame, sender: { id: 3 } }, 'yes');
    saleOpen({ senderFrame: foreignFrame, sender: { id: 4 } }, true);
    saleOpen({ senderFrame: null, sender: { id: 5 } }, true);
    expect(sales).toEqual([
      [3, true],
      [3, false],
    ]);
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
