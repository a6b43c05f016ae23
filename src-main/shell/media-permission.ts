import type { MediaAccessPermissionRequest, PermissionRequest, WebContents } from 'electron';

/**
 * Every permission a page asks for is refused, but one: the camera (video only, never the
 * microphone), for the gallery's "Hacer foto" on our own pages. Nothing leaves the desk: the
 * frame is sent to main as any photo from a file is.
 */
export function allowCameraOnly(isOurPage: (url: string) => boolean) {
  return (_contents: WebContents, permission: string, callback: (granted: boolean) => void, details: PermissionRequest | MediaAccessPermissionRequest): void => {
    const media: string[] = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const videoOnly = media.length > 0 && media.every((type) => type === 'video');
    callback(permission === 'media' && videoOnly && isOurPage(details.requestingUrl));
  };
}

/** Whether a page is one of ours (app:// has no web origin to compare, so scheme and host are). */
export function sameSite(url: string, ours: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(ours);
    return a.protocol === b.protocol && a.host === b.host;
  } catch {
    return false;
  }
}
