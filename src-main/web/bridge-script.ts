/**
 * The script the browser host serves before the renderer: it gives the page the same
 * `window.mostrador` surface as Electron's preload (invoke, onTablesChanged, openExternal), over
 * fetch. The token is read from a meta tag of the page (which other sites cannot read), not
 * embedded here (which they could).
 */
export const bridgeScript = `(() => {
  const token = document.querySelector('meta[name="mostrador-host-token"]')?.getAttribute('content') ?? '';
  const post = (path, body) => fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mostrador-token': token },
    body: JSON.stringify(body),
  });
  const invoke = async (call, input, options) => {
    try {
      const response = await post('/__host/invoke', { call, input, approval: options?.approval, requestId: options?.requestId });
      return await response.json();
    } catch {
      return { ok: false, error: { code: 'internal', message: navigator.language.startsWith('en') ? 'The local server does not answer.' : 'El servidor local no responde.' } };
    }
  };
  const openExternal = async (url) => {
    try {
      const allowed = (await (await post('/__host/external-url', { url })).json()).url;
      if (allowed) window.open(allowed, '_blank', 'noopener,noreferrer');
      return Boolean(allowed);
    } catch {
      return false;
    }
  };
  // One stream of changes for the page, opened with the first listener and reopened if it drops.
  const listeners = new Set();
  let streaming = false;
  const stream = async () => {
    streaming = true;
    try {
      const response = await post('/__host/changes', {});
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        const lines = buffered.split('\\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) for (const listener of listeners) listener(JSON.parse(line));
      }
    } catch {}
    setTimeout(stream, 2000);
  };
  const onTablesChanged = (listener) => {
    listeners.add(listener);
    if (!streaming) void stream();
    return () => listeners.delete(listener);
  };
  Object.defineProperty(window, 'mostrador', { value: Object.freeze({ invoke, onTablesChanged, openExternal }), writable: false });
})();
`;
