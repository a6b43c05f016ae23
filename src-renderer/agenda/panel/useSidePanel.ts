import { useEffect, useRef } from 'react';

/**
 * A side panel takes the focus when it opens; Esc closes it while the desk is working in it (or has
 * nothing focused) and nothing matching `overlays` (a dialog, a menu) is open over it. Put the ref on the panel.
 */
export function useSidePanel(onClose: () => void, overlays = 'dialog[open]') {
  const root = useRef<HTMLElement>(null);
  useEffect(() => root.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // In the panel, or nowhere in particular (after a click on the page): not while typing elsewhere.
      const active = document.activeElement;
      const inside = (root.current?.contains(active) ?? false) || active === null || active === document.body;
      if (e.key === 'Escape' && inside && !document.querySelector(overlays)) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, overlays]);
  return root;
}
