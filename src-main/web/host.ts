import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { invokeOptionsFrom } from '../api/invoke-options';
import type { ApiHost, HostInvoke } from '../api/open-api';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { allowedExternalUrl } from '../security/external-links';
import { bridgeScript } from './bridge-script';
import { readStatic } from './static-files';

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

// A gallery photo (up to 15 MB) arrives as base64 in a call: about 20 MB of JSON.
const maxBodyBytes = 24 * 1024 * 1024;
// Each page load is a session of its own; the oldest are forgotten past this many.
const maxPages = 200;
const policy = contentSecurityPolicy();

/**
 * Serves the built renderer and the API on 127.0.0.1 only, so the app runs unchanged in a browser
 * on a real database. Calls need the page's token and our own Host header (no other site, no DNS
 * rebinding, can reach the API). Each page load gets a token of its own, and with it its own
 * signed-in session; every open page is told which tables changed after each commit.
 */
export async function startWebHost(api: ApiHost, options: { rendererDir: string; port?: number }): Promise<WebHost> {
  const root = resolve(options.rendererDir);
  const pages = new Map<string, HostInvoke>();
  const streams = new Set<ServerResponse>();
  let allowedHosts: string[] = [];

  const stopTelling = api.onTablesChanged((change) => {
    for (const stream of streams) stream.write(`${JSON.stringify(change)}\n`);
  });
  const watching = setInterval(() => api.watchOtherWriters(), 1000);
  watching.unref();

  function newPage(): string {
    const token = randomBytes(24).toString('hex');
    pages.set(token, api.openSession().invoke);
    if (pages.size > maxPages) pages.delete(pages.keys().next().value!);
    return token;
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain', 'error'));
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (!allowedHosts.includes(request.headers.host ?? '')) return send(response, 421, 'text/plain', 'wrong host');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/__host/invoke') return invokeRoute(request, response);
    if (path === '/__host/changes') return changesRoute(request, response);
    if (path === '/__host/external-url') return externalUrlRoute(request, response);
    if (path === '/__host/bridge.js') return send(response, 200, 'text/javascript; charset=utf-8', bridgeScript);
    const file = path === '/' || path === '/index.html' ? null : await readStatic(root, path);
    if (file) return send(response, 200, file.type, file.body);
    // Every other path is the single-page app.
    const index = await readStatic(root, '/index.html');
    if (!index) return send(response, 500, 'text/plain', `renderer not built: ${root}/index.html missing (npm run build)`);
    const html = index.body
      .toString('utf8')
      .replace(
        '<head>',
        `<head>\n<meta name="mostrador-host-token" content="${newPage()}">\n<script src="/__host/bridge.js"></script>`,
      );
    send(response, 200, 'text/html; charset=utf-8', html);
  }

  /** Only a page we served carries a token (other sites cannot read it from our HTML): its session's door. */
  function pageOf(request: IncomingMessage): HostInvoke | null {
    if (request.method !== 'POST') return null;
    const given = Buffer.from(String(request.headers['x-mostrador-token'] ?? ''));
    for (const [token, invoke] of pages) {
      const expected = Buffer.from(token);
      if (given.length === expected.length && timingSafeEqual(given, expected)) return invoke;
    }
    return null;
  }

  async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
    const body = await readBody(request);
    try {
      const value: unknown = body === null ? null : JSON.parse(body);
      return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  async function invokeRoute(request: IncomingMessage, response: ServerResponse) {
    const invoke = pageOf(request);
    if (!invoke) return send(response, 403, 'text/plain', 'forbidden');
    const message = await readJson(request);
    const result = await invoke(message?.call, message?.input, invokeOptionsFrom(message));
    send(response, 200, 'application/json', JSON.stringify(result));
  }

  /** The same allow-list as Electron's: the page opens only what it answers (a wa.me chat, a mail draft). */
  async function externalUrlRoute(request: IncomingMessage, response: ServerResponse) {
    if (!pageOf(request)) return send(response, 403, 'text/plain', 'forbidden');
    const message = await readJson(request);
    send(response, 200, 'application/json', JSON.stringify({ url: allowedExternalUrl(message?.url) }));
  }

  /** A stream that stays open: one JSON line per commit, naming the tables it changed. */
  function changesRoute(request: IncomingMessage, response: ServerResponse) {
    if (!pageOf(request)) return send(response, 403, 'text/plain', 'forbidden');
    response.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.write('\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        stopTelling();
        clearInterval(watching);
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        done(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => done(null));
  });
}
