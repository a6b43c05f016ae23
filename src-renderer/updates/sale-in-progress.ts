import { useEffect } from 'react';

/**
 * Tells the desktop app whether this window is taking a sale, so an update never restarts it in
 * the middle of one (the browser host has no updater, and no such bridge function).
 */
export function useSaleInProgress(open: boolean): void {
  useEffect(() => {
    const tell = window.mostrador?.setSaleOpen;
    if (!tell) return;
    tell(open);
    return () => tell(false);
  }, [open]);
}
