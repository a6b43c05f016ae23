import type { WebContents } from 'electron';
import { isAllowedExternalUrl } from '../security/external-links';
import type { RendererLocation } from './renderer-location';
import { isOwnRendererUrl } from './renderer-location';

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Decides a navigation of the window: stay (our own page), hand to the OS (allowed link) or refuse. */
export function navigationDecision(url: string, renderer: RendererLocation): 'allow' | 'external' | 'deny' {
  if (isOwnRendererUrl(url, renderer)) return 'allow';
  return isAllowedExternalUrl(url) ? 'external' : 'deny';
}

/**
 * Keeps the window on our renderer: navigations elsewhere are refused, new windows are never
 * opened, and allowed external links (WhatsApp, e-mail) go to the operating system instead.
 */
export function guardNavigation(contents: GuardedContents, renderer: RendererLocation, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    const decision = navigationDecision(event.url, renderer);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'external') openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnRendererUrl(event.url, renderer)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
