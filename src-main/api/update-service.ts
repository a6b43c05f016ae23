import type { UpdateFeed, UpdateState } from '../../src-shared/domain/updates';

/**
 * The desktop app's self-update as handlers see it. The implementation lives in the shell
 * (src-main/shell/updater.ts, over electron-updater); the browser host and the CLI have none.
 */
export interface UpdateService {
  /** The running version. */
  readonly currentVersion: string;
  /** Where the update stands: unavailable (not packaged, no feed), idle, checking, downloading, ready, installing, error. */
  state(): UpdateState;
  /** The feed this desk stored (at start-up, and when Ajustes changes it); a new feed is checked at once. */
  configure(feed: UpdateFeed): void;
  /** The feed in use: the environment's MOSTRADOR_UPDATE_URL wins over the desk's. */
  feedInUse(): { url: string | null; fromEnvironment: boolean };
  /** Starts a check in the background (nothing while one runs or an update is downloading or ready). */
  check(): UpdateState;
  /**
   * Refuses with update_not_ready when nothing is downloaded and update_sale_open while a sale is
   * being taken; otherwise backs up (backup_failed: nothing installed), then quits and installs.
   */
  installNow(): Promise<UpdateState>;
  /** Stops the daily check. */
  close(): void;
}
