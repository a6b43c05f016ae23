/** WhatsApp click-to-chat: the number in international format, digits only (E.164 without "+"). */
const whatsAppPath = /^\/[1-9]\d{5,14}$/;
const mailAddress = /^[^\s@/?#:,;]+@[a-z0-9.-]+\.[a-z]{2,}$/i;

/**
 * The one place that decides which URLs may leave the app for the operating system: a WhatsApp
 * chat (https://wa.me/<digits>, optionally ?text=…) or an e-mail draft to one address. Answers
 * the normalised URL to open, or null.
 */
export function allowedExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'https:') return isWhatsAppChat(parsed) ? parsed.href : null;
  if (parsed.protocol === 'mailto:') return isMailDraft(parsed) ? parsed.href : null;
  return null;
}

export function isAllowedExternalUrl(url: unknown): url is string {
  return allowedExternalUrl(url) !== null;
}

function isWhatsAppChat(url: URL): boolean {
  return (
    url.hostname === 'wa.me' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.hash === '' &&
    whatsAppPath.test(url.pathname) &&
    onlyParams(url.searchParams, ['text'])
  );
}

function isMailDraft(url: URL): boolean {
  let address: string;
  try {
    address = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  return url.hash === '' && mailAddress.test(address) && onlyParams(url.searchParams, ['subject', 'body']);
}

/** Each param at most once and only from the allowed names (mail clients honour e.g. "attach"). */
function onlyParams(params: URLSearchParams, allowed: readonly string[]): boolean {
  const names = [...params.keys()];
  return names.every((name) => allowed.includes(name)) && new Set(names).size === names.length;
}

/** Opens the URL with the operating system only when it is allowed; answers whether it did. */
export async function openExternalIfAllowed(url: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  const allowed = allowedExternalUrl(url);
  if (allowed === null) return false;
  try {
    await open(allowed);
    return true;
  } catch {
    return false;
  }
}
