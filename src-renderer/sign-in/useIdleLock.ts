import { useEffect, useRef } from 'react';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const checkEveryMs = 5_000;

/**
 * Calls `lock` once the window has had no pointer or key activity for `minutes` (0: never). The
 * clock is checked every few seconds, so a sleeping computer locks as soon as it wakes.
 */
export function useIdleLock(minutes: number, lock: () => Promise<void>): void {
  const lockRef = useRef(lock);
  lockRef.current = lock;

  useEffect(() => {
    if (minutes <= 0) return;
    let last = Date.now();
    let locking = false;
    const touched = () => {
      last = Date.now();
    };
    for (const type of activity) window.addEventListener(type, touched, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (locking || Date.now() - last < minutes * 60_000) return;
      locking = true;
      void lockRef.current();
    }, checkEveryMs);
    return () => {
      window.clearInterval(timer);
      for (const type of activity) window.removeEventListener(type, touched, { capture: true });
    };
  }, [minutes]);
}
