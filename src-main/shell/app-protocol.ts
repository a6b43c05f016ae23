import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';

/**
 * The renderer's own origin, app://mostrador: a standard, secure scheme served only from the
 * built renderer folder, so the page never runs from file:// (whose extra powers are fused off).
 */
export const appScheme = 'app';
export const appHost = 'mostrador';
export const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

/** Registered before the app is ready: standard (origin, relative URLs, 'self' in the CSP) and secure. */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer, inside app.asar when packaged). */
  root: string;
  readFile: (path: string) => Promise<Uint8Array>;
  /** Sent with the page itself (its <meta> carries the same policy). */
  contentSecurityPolicy: string;
}

function refusal(status: 400 | 403 | 404 | 405): Response {
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' }[status];
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/** The file below root a request names, or the refusal it gets. */
function fileFor(url: URL, root: string): string | 400 | 403 | 404 {
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return 404;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 400;
  }
  // Encoded dots and separators ("%2e%2e%2f", "..%5c") are decoded only here, after the URL parser
  // resolved plain ones: whatever is left must still stay inside root.
  if (path.includes('\0') || path.includes('\\')) return 403;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return 403;
  return file;
}

/**
 * protocol.handle's handler for app://mostrador: GET and HEAD of files under root, with their
 * MIME type; anything that is not such a file is 404, an escape from root is 403.
 */
export function appProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const root = resolve(options.root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refusal(400);
    }
    const file = fileFor(url, root);
    if (typeof file === 'number') return refusal(file);
    let body: Uint8Array;
    try {
      body = await options.readFile(file);
    } catch {
      return refusal(404);
    }
    const type = contentTypeOf(file);
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    if (type.startsWith('text/html')) headers['content-security-policy'] = options.contentSecurityPolicy;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves the renderer on the default session's app:// (after ready; the scheme was registered before). */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(appScheme, appProtocolHandler(options));
}
