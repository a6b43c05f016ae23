import { useEffect, type RefObject } from 'react';
import '../styles/a11y.css';

/**
 * Schedule-X names some plain <div>s (the week's and day's all-day row, each day column) with
 * aria-label, which ARIA prohibits on an element with no role: make them named groups.
 */
export function fixCalendarAria(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('div[aria-label]:not([role]), span[aria-label]:not([role])')) el.setAttribute('role', 'group');
}

/** Keeps the calendar under `root` valid ARIA as Schedule-X (re)renders it. */
export function useCalendarAria(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    fixCalendarAria(el);
    const observer = new MutationObserver(() => fixCalendarAria(el));
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root]);
}
