import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from 'electron';
import { describe, expect, it } from 'vitest';
import type { HeadersSession } from '../../src-main/shell/csp';
import { applyContentSecurityPolicy, contentSecurityPolicy, withContentSecurityPolicy } from '../../src-main/shell/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
}

describe('content security policy', () => {
  const production = directives(contentSecurityPolicy());

  it('allows only our own scripts, styles, images and connections', () => {
    expect(production.get('default-src')).toEqual(["'self'"]);
    expect(production.get('script-src')).toEqual(["'self'"]);
    expect(production.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(production.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(production.get('connect-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, base rewriting, framing and form posts', () => {
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'none'"]);
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval or remote hosts', () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
  });

  it('allows the renderer\'s own origin (app://mostrador, through \'self\') and no other app:// or file:// page', () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toMatch(/\b(app|file|data):\/\//);
    for (const [name, values] of production) {
      if (name === 'img-src' || name === 'font-src') expect(values.filter((v) => v !== "'self'" && v !== 'data:' && v !== 'blob:'), name).toEqual([]);
      else expect(values.every((v) => ["'self'", "'none'", "'unsafe-inline'"].includes(v)), name).toBe(true);
    }
    expect(policy).not.toMatch(/(^|\s)(app|file|filesystem):(\s|;|$)/);
  });

  it('lets the dev server connect (hot reload) in development only', () => {
    const dev = directives(contentSecurityPolicy('http://localhost:5173/'));
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('object-src')).toEqual(["'none'"]);
  });

  it('replaces any policy the response carried', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, "default-src 'self'");
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });

  it('is sent with every response of the session', () => {
    let listener: ((details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void) | null = null;
    const session = {
      webRequest: {
        onHeadersReceived: (registered: typeof listener) => {
          listener = registered;
        },
      },
    } as unknown as HeadersSession;
    applyContentSecurityPolicy(session, "default-src 'self'");

    const answers: HeadersReceivedResponse[] = [];
    const details = { url: 'http://localhost:5173/', responseHeaders: { 'X-Test': ['1'] } } as unknown as OnHeadersReceivedListenerDetails;
    expect(listener).not.toBeNull();
    listener!(details, (response) => answers.push(response));
    expect(answers).toEqual([{ responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': ["default-src 'self'"] } }]);
  });
});
