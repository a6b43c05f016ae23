/**
 * A sync server's address as typed: https, or plain http only on this machine (a laptop test, or a
 * TLS proxy in front of it on the same host). Null when it is neither.
 */
export function syncEndpoint(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '' || url.search !== '' || url.hash !== '') return null;
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
  return url.href.replace(/\/+$/, '');
}
