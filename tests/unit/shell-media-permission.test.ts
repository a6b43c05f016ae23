import type { MediaAccessPermissionRequest, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { allowCameraOnly, sameSite } from '../../src-main/shell/media-permission';

const ours = 'app://mostrador/index.html';
const handler = allowCameraOnly((url) => sameSite(url, ours));

function ask(permission: string, details: Partial<MediaAccessPermissionRequest>): boolean {
  let granted: boolean | undefined;
  handler({} as WebContents, permission, (answer) => (granted = answer), { isMainFrame: true, requestingUrl: ours, ...details } as MediaAccessPermissionRequest);
  return granted!;
}

describe('the window grants only the camera, to our own pages', () => {
  it('grants video for the gallery', () => {
    expect(ask('media', { mediaTypes: ['video'] })).toBe(true);
  });

  it('refuses the microphone, any other permission, and any other page', () => {
    expect(ask('media', { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask('media', { mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media', { mediaTypes: [] })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture']) expect(ask(permission, { mediaTypes: ['video'] }), permission).toBe(false);
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: 'https://example.com/' })).toBe(false);
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: 'app://other/index.html' })).toBe(false);
    expect(sameSite('not a url', ours)).toBe(false);
  });
});
