/** The part of a WebContents the tracker needs: its id, and being told when it goes away. */
export interface SaleWindow {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * Which windows are taking a sale (their checkout has lines), as their renderers tell main: the
 * updater never restarts the app while one is. A window that closes or crashes counts no more.
 */
export function createOpenSales() {
  const open = new Set<number>();
  const watched = new Set<number>();
  return {
    set(window: SaleWindow, isOpen: boolean): void {
      if (!isOpen) {
        open.delete(window.id);
        return;
      }
      open.add(window.id);
      if (watched.has(window.id)) return;
      watched.add(window.id);
      window.once('destroyed', () => {
        open.delete(window.id);
        watched.delete(window.id);
      });
    },
    any: (): boolean => open.size > 0,
  };
}
