import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails, Session } from 'electron';

export { contentSecurityPolicy } from '../security/content-security-policy';

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
