import { appHost, appIndexUrl, appScheme } from './app-protocol';

/** Where our renderer is served from: the Vite dev server in development, app://mostrador otherwise. */
export type RendererLocation = { kind: 'dev-server'; url: string } | { kind: 'app'; url: string };

export function rendererLocation(options: { devServerUrl: string | undefined; isPackaged: boolean }): RendererLocation {
  // A packaged app never trusts the environment to point it at another page.
  if (!options.isPackaged && options.devServerUrl) return { kind: 'dev-server', url: options.devServerUrl };
  return { kind: 'app', url: appIndexUrl };
}

/** Whether a URL is a page of our renderer (any route or hash of it). */
export function isOwnRendererUrl(url: string, renderer: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (renderer.kind === 'dev-server') {
    const own = new URL(renderer.url);
    return (own.protocol === 'http:' || own.protocol === 'https:') && parsed.origin === own.origin;
  }
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost && (parsed.pathname === '/index.html' || parsed.pathname === '/');
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** An IPC message is ours only when it comes from the top frame of our renderer page. */
export function isTrustedSender(frame: SenderFrame | null | undefined, renderer: RendererLocation): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isOwnRendererUrl(frame.url, renderer);
}
