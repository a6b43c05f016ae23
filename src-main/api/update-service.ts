/** The desktop app's self-update as handlers see it (electron-updater lives in the shell). */
export interface UpdateService {
  /** Stops the timers. */
  close(): void;
}
