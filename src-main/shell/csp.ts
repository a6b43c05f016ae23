import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails, Session } from 'electron';

/**
 * The renderer's Content-Security-Policy. In development the Vite dev server also needs its
 * websocket (hot reload) and the inline React-refresh preamble it injects into index.html.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const devSocket = dev ? `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : null;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    // React sets style attributes inline.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(dev && devSocket ? [dev.origin, devSocket] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Replaces any Content-Security-Policy header of a response with ours. */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string | string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

export type HeadersSession = { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> };

/** Sends our policy with every response the session receives. */
export function applyContentSecurityPolicy(session: HeadersSession, policy: string): void {
  session.webRequest.onHeadersReceived(
    (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
    },
  );
}
