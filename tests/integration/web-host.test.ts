import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebHost } from '../../src-main/web/host';
import { startWebHost } from '../../src-main/web/host';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
let host: WebHost;
let rendererDir: string;

beforeEach(async () => {
  api = await openTempApi();
  rendererDir = join(api.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Mostrador</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost(api.host, { rendererDir });
});

afterEach(async () => {
  await host.close();
  await api.close();
});

async function pageToken(): Promise<string> {
  const html = await (await fetch(host.url)).text();
  const token = /name="mostrador-host-token" content="([0-9a-f]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no token in the page');
  return token;
}

function invoke(body: unknown, headers: Record<string, string>) {
  return fetch(new URL('/__host/invoke', host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and serves the app with the bridge before it, under a strict CSP', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    const response = await fetch(host.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html.indexOf('/__host/bridge.js')).toBeLessThan(html.indexOf('<title>'));
    const bridge = await (await fetch(new URL('/__host/bridge.js', host.url))).text();
    expect(bridge).toContain("Object.defineProperty(window, 'mostrador'");
    expect(await (await fetch(new URL('/assets/app.js', host.url))).text()).toBe('console.log(1)');
    // Client-side routes fall back to the single page.
    expect(await (await fetch(new URL('/clientes/123', host.url))).text()).toContain('mostrador-host-token');
  });

  it('answers API calls with the page token, through the same handlers', async () => {
    const token = await pageToken();
    const created = await (await invoke({ call: 'clients.create', input: { firstName: 'Lucía' } }, { 'x-mostrador-token': token })).json();
    expect(created).toMatchObject({ ok: true, value: { client: { firstName: 'Lucía' } } });
    const refused = await (await invoke({ call: 'clients.create', input: { firstName: '' } }, { 'x-mostrador-token': token })).json();
    expect(refused).toEqual({ ok: false, error: { code: 'required', field: 'firstName', message: 'Este campo es obligatorio.' } });
    const malformed = await (await fetch(new URL('/__host/invoke', host.url), { method: 'POST', headers: { 'x-mostrador-token': token }, body: '{not json' })).json();
    expect(malformed).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('passes on the request id of a page: the same write sent twice (a retry) writes once', async () => {
    const token = await pageToken();
    const body = { call: 'clients.create', input: { firstName: 'Reintento' }, requestId: '01JF2QZ8X6V3Y4W5T6S7R8Q9PA' };
    const first = (await (await invoke(body, { 'x-mostrador-token': token })).json()) as { value: unknown };
    const again = (await (await invoke(body, { 'x-mostrador-token': token })).json()) as { value: unknown };
    expect(again.value).toEqual(first.value);
    const list = await api.call('clients.search', { query: 'Reintento' });
    expect(list.total).toBe(1);
    const bad = await (await invoke({ ...body, requestId: 7 }, { 'x-mostrador-token': token })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'requestId' } });
  });

  it('refuses calls without the token, and requests for another host name (DNS rebinding)', async () => {
    const noToken = await invoke({ call: 'clients.create', input: { firstName: 'Intrusa' } }, {});
    expect(noToken.status).toBe(403);
    const wrongToken = await invoke({ call: 'clients.create', input: { firstName: 'Intrusa' } }, { 'x-mostrador-token': 'f'.repeat(48) });
    expect(wrongToken.status).toBe(403);
    const port = new URL(host.url).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(rebound).toBe(421);
    expect((await api.call('clients.search', {})).total).toBe(0);
  });

  it('opens external links by the same allow-list as Electron (a wa.me chat yes, anything else no)', async () => {
    const token = await pageToken();
    const ask = async (url: string) =>
      (await (await fetch(new URL('/__host/external-url', host.url), { method: 'POST', headers: { 'x-mostrador-token': token }, body: JSON.stringify({ url }) })).json()) as { url: string | null };
    expect(await ask('https://wa.me/34612345678')).toEqual({ url: 'https://wa.me/34612345678' });
    expect(await ask('https://evil.example/')).toEqual({ url: null });
    expect(await ask('javascript:alert(1)')).toEqual({ url: null });
    const noToken = await fetch(new URL('/__host/external-url', host.url), { method: 'POST', body: JSON.stringify({ url: 'https://wa.me/34612345678' }) });
    expect(noToken.status).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    writeFileSync(join(api.dir, 'secret.txt'), 'secret');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const text = await (await fetch(new URL(path, host.url))).text();
      expect(text).not.toContain('secret');
    }
  });

  it('gives each page load a session of its own: signing in on one page is not signing in on another', async () => {
    const owner = await api.call('staff.create', { name: 'Olga', role: 'owner' });
    const desk = await api.call('staff.create', { name: 'Rita', role: 'reception' });
    // Chosen as "my calendar" while PINs are off, the owner stays signed in once their PIN turns them on.
    await api.call('auth.signIn', { staffId: owner.id });
    await api.call('staff.setPin', { staffId: owner.id, pin: '1357' });
    await api.call('staff.setPin', { staffId: desk.id, pin: '2468' });
    const [first, second] = [await pageToken(), await pageToken()];
    expect(first).not.toBe(second);
    const call = async (token: string, name: string, input: unknown, approval?: unknown) =>
      (await (await invoke({ call: name, input, approval }, { 'x-mostrador-token': token })).json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    expect(await call(first, 'auth.signIn', { staffId: desk.id, pin: '2468' })).toMatchObject({ ok: true, value: { staffId: desk.id, role: 'reception' } });
    expect(await call(second, 'clients.create', { firstName: 'Eva' })).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(await call(first, 'clients.create', { firstName: 'Eva' })).toMatchObject({ ok: true });
    // A page cannot make itself someone else: a staff id in the input is refused, the session decides.
    expect(await call(first, 'clients.create', { firstName: 'Eva', staffId: owner.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'staffId' } });
    expect(await call(first, 'settings.update', { name: 'X' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // An approval travels beside the call and is checked like a PIN.
    const sale = await call(first, 'checkout.commit', { lines: [{ kind: 'service', serviceId: (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1000 })).id }], payments: [{ method: 'cash', amountMinor: 1000 }] });
    const saleId = (sale.value as { id: string }).id;
    expect(await call(first, 'sales.void', { id: saleId, reason: 'Error' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(first, 'sales.void', { id: saleId, reason: 'Error' }, { staffId: owner.id, pin: '1357' })).toMatchObject({ ok: true, value: { status: 'voided' } });
  });

  it('streams to every open page which tables each commit changed', async () => {
    const token = await pageToken();
    const response = await fetch(new URL('/__host/changes', host.url), { method: 'POST', headers: { 'x-mostrador-token': token } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const lines: string[] = [];
    const decoder = new TextDecoder();
    // Another session (as another window, a CLI or a sync would) writes.
    await api.call('tags.create', { name: 'VIP' });
    while (!lines.some((line) => line.includes('tags'))) {
      const { value, done } = await reader.read();
      if (done) break;
      lines.push(...decoder.decode(value).split('\n').filter((line) => line.trim()));
    }
    const change = JSON.parse(lines.find((line) => line.includes('tags'))!) as { tables: string[]; seq: number };
    expect(change.tables).toEqual(['change_log', 'tags']);
    expect(change.seq).toBeGreaterThan(0);
    await reader.cancel();
    const refused = await fetch(new URL('/__host/changes', host.url), { method: 'POST' });
    expect(refused.status).toBe(403);
  });
});
