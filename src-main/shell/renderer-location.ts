import { pathToFileURL } from 'node:url';

/** Where our renderer is served from: the Vite dev server in development, index.html on disk when packaged. */
export type RendererLocation = { kind: 'dev-server'; url: string } | { kind: 'file'; indexPath: string };

export function rendererLocation(options: { devServerUrl: string | undefined; isPackaged: boolean; indexPath: string }): RendererLocation {
  // A packaged app never trusts the environment to point it at another page.
  if (!options.isPackaged && options.devServerUrl) return { kind: 'dev-server', url: options.devServerUrl };
  return { kind: 'file', indexPath: options.indexPath };
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
  const own = pathToFileURL(renderer.indexPath);
  return parsed.protocol === 'file:' && parsed.host === own.host && parsed.pathname === own.pathname;
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
