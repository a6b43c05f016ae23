import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Handle = (request: Request) => Promise<Response>;

// Under plain Node the real 'electron' package is only the binary's path: replace the protocol module.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handle>();
  return { handlers, protocol: { handle: (scheme: string, handler: Handle) => void handlers.set(scheme, handler) } };
});
vi.mock('electron', () => ({ protocol: electron.protocol }));

const { protocol } = await import('electron');
const { appIndexUrl, appOrigin, appSchemePrivileges, contentTypeOf, registerAppProtocol } = await import('../../src-main/shell/app-protocol');

const policy = "default-src 'self'";
let dir = '';
let root = '';
let handle: Handle;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mostrador-protocol-'));
  root = join(dir, 'out', 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mostrador</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'w');
  // Beside the renderer, as in app.asar: main's bundle and the database folder must stay unreachable.
  mkdirSync(join(dir, 'out', 'main'), { recursive: true });
  writeFileSync(join(dir, 'out', 'main', 'index.js'), 'secret main');
  writeFileSync(join(dir, 'mostrador.db'), 'secret data');
  registerAppProtocol(protocol, { root, readFile: (path) => readFile(path), contentSecurityPolicy: policy });
  handle = electron.handlers.get('app')!;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

describe('app:// protocol', () => {
  it('is a privileged standard, secure scheme served at app://mostrador', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
    expect(appOrigin).toBe('app://mostrador');
    expect(appIndexUrl).toBe('app://mostrador/index.html');
    expect(electron.handlers.has('app')).toBe(true);
  });

  it('serves the page with its policy, and its assets with their MIME types', async () => {
    const page = await get(appIndexUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(policy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Mostrador</title>');

    expect((await get('app://mostrador/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await get('app://mostrador/assets/index-abc.js?v=1#x');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://mostrador/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://mostrador/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('app://mostrador/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it('knows the types the renderer build emits', () => {
    expect(contentTypeOf('a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.png')).toBe('image/png');
    expect(contentTypeOf('a.webp')).toBe('image/webp');
    expect(contentTypeOf('a.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('a.wasm')).toBe('application/wasm');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });

  it('answers HEAD without a body', async () => {
    const head = await get('app://mostrador/assets/index-abc.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for anything that is not a file of the renderer', async () => {
    expect((await get('app://mostrador/missing.js')).status).toBe(404);
    expect((await get('app://mostrador/assets')).status).toBe(404);
    expect((await get('app://mostrador/assets/')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://mostrador.evil/index.html')).status).toBe(404);
    // Plain dots are resolved by the URL parser before the handler sees them: they land inside root.
    expect((await get('app://mostrador/../main/index.js')).status).toBe(404);
    expect((await get('app://mostrador/../../mostrador.db')).status).toBe(404);
    expect((await get('app://mostrador//etc/passwd')).status).toBe(404);
  });

  it('refuses every encoded escape from the renderer folder', async () => {
    for (const path of [
      '/%2e%2e/main/index.js',
      '/..%2fmain%2findex.js',
      '/assets/..%2f..%2fmain/index.js',
      '/%2e%2e%2f%2e%2e%2fmostrador.db',
      '/..%5cmain%5cindex.js',
      '/index.html%00.js',
      `/${encodeURIComponent(join(dir, 'mostrador.db'))}`,
    ]) {
      const response = await get(`app://mostrador${path}`);
      expect([403, 404], path).toContain(response.status);
      expect(await response.text(), path).not.toContain('secret');
    }
    // The URL parser resolves %2e%2e as it does .., but not an encoded slash: that one is caught here.
    expect((await get('app://mostrador/..%2fmain%2findex.js')).status).toBe(403);
    expect((await get('app://mostrador/%E0%A4%A')).status).toBe(400);
  });

  it('serves reads only', async () => {
    expect((await get(appIndexUrl, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await get(appIndexUrl, { method: 'PUT', body: 'x' })).status).toBe(405);
  });
});
