import { useEffect } from 'react';

const key = (clientId: string, tab: string) => `mostrador:card-scroll:${clientId}:${tab}`;

/**
 * Keeps the card's scroll position per client and tab in the session, so a reload (or coming back)
 * lands where the desk was. The sections load on their own, so the position is put back once the
 * page is tall enough, trying for a second at most.
 */
export function useCardScroll(clientId: string | undefined, tab: string): void {
  useEffect(() => {
    const scroller = document.querySelector<HTMLElement>('.content');
    if (!clientId || !scroller) return;
    const saved = Number(sessionStorage.getItem(key(clientId, tab)) ?? 0);
    let frame = 0;
    const started = performance.now();
    const restore = () => {
      if (scroller.scrollHeight - scroller.clientHeight >= saved || performance.now() - started > 1000) scroller.scrollTop = saved;
      else frame = requestAnimationFrame(restore);
    };
    if (saved > 0) frame = requestAnimationFrame(restore);
    let pending = 0;
    const onScroll = () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => sessionStorage.setItem(key(clientId, tab), String(Math.round(scroller.scrollTop))));
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(pending);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [clientId, tab]);
}
