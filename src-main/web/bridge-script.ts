/**
 * The script the browser host serves before the renderer: it gives the page the same
 * `window.mostrador` surface as Electron's preload (invoke, openExternal), over fetch. The token is read from a
 * meta tag of the page (which other sites cannot read), not embedded here (which they could).
 */
export const bridgeScript = `(() => {
  const token = document.querySelector('meta[name="mostrador-host-token"]')?.getAttribute('content') ?? '';
  const invoke = async (call, input) => {
    try {
      const response = await fetch('/__host/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mostrador-token': token },
        body: JSON.stringify({ call, input }),
      });
      return await response.json();
    } catch {
      return { ok: false, error: { code: 'internal', message: navigator.language.startsWith('en') ? 'The local server does not answer.' : 'El servidor local no responde.' } };
    }
  };
  const openExternal = async (url) => {
    try {
      const response = await fetch('/__host/external-url', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mostrador-token': token },
        body: JSON.stringify({ url }),
      });
      const allowed = (await response.json()).url;
      if (allowed) window.open(allowed, '_blank', 'noopener,noreferrer');
      return Boolean(allowed);
    } catch {
      return false;
    }
  };
  Object.defineProperty(window, 'mostrador', { value: Object.freeze({ invoke, openExternal }), writable: false });
})();
`;
