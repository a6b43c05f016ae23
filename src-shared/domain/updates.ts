/** The release line a desk follows: stable releases only, or betas too (a beta desk also gets each stable). */
export const updateChannels = ['latest', 'beta'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/** This desk's update feed, as chosen in Ajustes › Actualizaciones (stored per machine, never synced). */
export interface UpdateFeed {
  /** A generic electron-updater feed (https only), or null: this desk does not update itself. */
  url: string | null;
  channel: UpdateChannel;
}

/** Why this process cannot update itself. */
export type UpdateUnavailableReason =
  /** The browser host or the CLI: only the desktop app updates itself. */
  | 'no-updater'
  /** `npm start` or `npm run dev`: only an installed (packaged) app can replace itself. */
  | 'not-packaged'
  /** No feed set in Ajustes (nor in MOSTRADOR_UPDATE_URL). */
  | 'no-feed';

/** The stage an update failed at; the running version is left as it is. */
export type UpdateFailure = 'check' | 'download' | 'backup' | 'install';

/** Where the self-update stands: checked on start, then daily; downloaded in the background. */
export type UpdateState =
  | { status: 'unavailable'; reason: UpdateUnavailableReason }
  /** Up to date as of checkedAt (null: not checked yet). */
  | { status: 'idle'; checkedAt: string | null }
  | { status: 'checking' }
  | { status: 'downloading'; version: string; percent: number }
  /** Downloaded: installs when the app quits, or now from "Reiniciar e instalar". */
  | { status: 'ready'; version: string }
  /** A backup is being made, then the app restarts into the new version. */
  | { status: 'installing'; version: string }
  | { status: 'error'; stage: UpdateFailure; detail: string; at: string };

/** What Ajustes › Actualizaciones and the top bar show. */
export interface UpdatesOverview {
  /** The feed this desk stored. */
  feed: UpdateFeed;
  /** The feed in use: MOSTRADOR_UPDATE_URL when set (it wins over the stored one), else the stored one. */
  feedInUse: string | null;
  fromEnvironment: boolean;
  /** The running version (null outside the desktop app). */
  currentVersion: string | null;
  state: UpdateState;
}
