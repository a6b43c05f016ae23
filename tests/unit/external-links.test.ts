import { describe, expect, it, vi } from 'vitest';
import { allowedExternalUrl, isAllowedExternalUrl, openExternalIfAllowed } from '../../src-main/security/external-links';

describe('external links allow-list', () => {
  it.each([
    'https://wa.me/34600111222',
    'https://wa.me/56912345678?text=Hola%20Ana%2C%20te%20recordamos%20tu%20cita',
    'https://wa.me/5215512345678?text=',
    'mailto:ana@example.com',
    'mailto:ana@example.com?subject=Cita&body=Hola',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://wa.me/34600111222'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['another host', 'https://example.com/34600111222'],
    ['a look-alike host', 'https://wa.me.evil.com/34600111222'],
    ['a subdomain', 'https://api.wa.me/34600111222'],
    ['letters in the number', 'https://wa.me/34600abc222'],
    ['a plus sign', 'https://wa.me/+34600111222'],
    ['a path after the number', 'https://wa.me/34600111222/send'],
    ['no number', 'https://wa.me/'],
    ['a user name', 'https://attacker@wa.me/34600111222'],
    ['a port', 'https://wa.me:8443/34600111222'],
    ['another parameter', 'https://wa.me/34600111222?text=hi&app=1'],
    ['a repeated text', 'https://wa.me/34600111222?text=a&text=b'],
    ['a fragment', 'https://wa.me/34600111222#x'],
    ['a mail attachment', 'mailto:ana@example.com?attach=/etc/passwd'],
    ['two mail recipients', 'mailto:ana@example.com,bob@example.com'],
    ['a custom protocol', 'ms-settings:privacy'],
    ['not a URL', 'wa.me/34600111222'],
  ])('denies %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('denies anything that is not a string', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl({ href: 'https://wa.me/34600111222' })).toBe(false);
  });

  it('answers the normalised URL', () => {
    expect(allowedExternalUrl('https://WA.ME/34600111222?text=Hola')).toBe('https://wa.me/34600111222?text=Hola');
  });

  it('opens only allowed URLs with the system', async () => {
    const open = vi.fn(async (_url: string) => {});
    expect(await openExternalIfAllowed('https://wa.me/34600111222', open)).toBe(true);
    expect(await openExternalIfAllowed('https://evil.example/', open)).toBe(false);
    expect(open.mock.calls).toEqual([['https://wa.me/34600111222']]);
  });

  it('answers false when the system cannot open it', async () => {
    const open = vi.fn(async () => {
      throw new Error('no handler');
    });
    expect(await openExternalIfAllowed('mailto:ana@example.com', open)).toBe(false);
  });
});
