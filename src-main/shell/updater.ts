import type { UpdateFeed, UpdateFailure, UpdateState } from '../../src-shared/domain/updates';
import type { UpdateService } from '../api/update-service';
import { AppError } from '../errors/app-error';

/** MOSTRADOR_UPDATE_URL, when it is an https address: it overrides the feed stored in Ajustes. */
export function updateFeedUrl(env: Record<string, string | undefined>): string | null {
  const raw = env.MOSTRADOR_UPDATE_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The events of electron-updater's autoUpdater this service listens to. */
export type UpdaterEvent = 'checking-for-update' | 'update-available' | 'update-not-available' | 'download-progress' | 'update-downloaded' | 'error';

/** The part of electron-updater's autoUpdater the service drives (tests give it a fake EventEmitter). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: UpdaterEvent, listener: (argument: unknown) => void): unknown;
}

export interface UpdateServiceOptions {
  /** Only an installed (packaged) app can replace itself. */
  isPackaged: boolean;
  currentVersion: string;
  /** MOSTRADOR_UPDATE_URL (see updateFeedUrl): wins over the desk's feed. */
  environmentFeed: string | null;
  /** electron-updater's autoUpdater, loaded on the first check. */
  loadUpdater: () => Promise<UpdaterPort>;
  /** Whether a window is taking a sale (the checkout has lines): never restart then. */
  isSaleOpen: () => boolean;
  /** The backup made before installing (backups.runNow('before-update')); a failure installs nothing. */
  backupBeforeUpdate: () => Promise<void>;
  /** Quits the app (when installing on quit was given up). */
  quit: () => void;
  log: (message: string, error?: unknown) => void;
  now?: () => Date;
  /** How often to look again while running: a day. */
  checkEveryMs?: number;
  /** Runs after the current call has answered (the restart must not cut off the renderer's answer). */
  later?: (run: () => void) => void;
}

export const dailyMs = 24 * 60 * 60 * 1000;

/** The updater's own progress; state() adds the reasons it is unavailable. */
type Progress = Exclude<UpdateState, { status: 'unavailable' }>;

/** A quit the service may hold back to install first: Electron's before-quit event. */
export interface QuitEvent {
  preventDefault(): void;
}

export interface DesktopUpdateService extends UpdateService {
  /**
   * Called from app's before-quit: with an update downloaded, holds the quit back, backs up and
   * installs it silently as the app closes (without relaunching). Otherwise lets the quit go on.
   */
  interceptQuit(event: QuitEvent): void;
}

function versionOf(info: unknown): string {
  const version = (info as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? version : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The desktop app's self-update over electron-updater: a generic https feed and a channel, checked
 * on start and then daily, downloaded in the background, installed on quit or when the desk
 * chooses "Reiniciar e instalar" — never while a sale is being taken, always after a backup. A
 * failed check, download, backup or install is logged and shown, and leaves the running version.
 */
export function createUpdateService(options: UpdateServiceOptions): DesktopUpdateService {
  const now = options.now ?? (() => new Date());
  const later = options.later ?? ((run) => void setImmediate(run));
  let desk: UpdateFeed = { url: null, channel: 'latest' };
  let progress: Progress = { status: 'idle', checkedAt: null };
  let updater: Promise<UpdaterPort> | null = null;
  let applied: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  /** Set once the quit path has tried to install: the next quit goes through. */
  let quitHandled = false;

  const feed = (): string | null => options.environmentFeed ?? desk.url;

  function state(): UpdateState {
    if (!options.isPackaged) return { status: 'unavailable', reason: 'not-packaged' };
    if (!feed()) return { status: 'unavailable', reason: 'no-feed' };
    return progress;
  }

  function fail(stage: UpdateFailure, error: unknown): void {
    options.log(`update ${stage} failed`, error);
    progress = { status: 'error', stage, detail: messageOf(error), at: now().toISOString() };
  }

  /** The stage an error event belongs to, from what the updater was doing. */
  function stageNow(): UpdateFailure {
    if (progress.status === 'downloading') return 'download';
    if (progress.status === 'installing') return 'install';
    return 'check';
  }

  function listen(port: UpdaterPort): void {
    port.on('checking-for-update', () => {
      if (progress.status !== 'ready' && progress.status !== 'installing') progress = { status: 'checking' };
    });
    port.on('update-available', (info: unknown) => {
      progress = { status: 'downloading', version: versionOf(info), percent: 0 };
    });
    port.on('update-not-available', () => {
      progress = { status: 'idle', checkedAt: now().toISOString() };
    });
    port.on('download-progress', (info: unknown) => {
      if (progress.status !== 'downloading') return;
      const percent = Number((info as { percent?: unknown }).percent);
      progress = { ...progress, percent: Number.isFinite(percent) ? Math.max(0, Math.min(100, Math.floor(percent))) : progress.percent };
    });
    port.on('update-downloaded', (info: unknown) => {
      progress = { status: 'ready', version: versionOf(info) || (progress.status === 'downloading' ? progress.version : '') };
    });
    port.on('error', (error: unknown) => fail(stageNow(), error));
  }

  function loadUpdater(): Promise<UpdaterPort> {
    updater ??= options.loadUpdater().then((port) => {
      port.autoDownload = true;
      // Installing on quit is ours (interceptQuit): a backup comes first.
      port.autoInstallOnAppQuit = false;
      listen(port);
      return port;
    });
    return updater;
  }

  /** Points the updater at the feed and channel in use (again only when they changed). */
  function apply(port: UpdaterPort, url: string): void {
    const key = `${desk.channel} ${url}`;
    if (applied === key) return;
    port.setFeedURL({ provider: 'generic', url, channel: desk.channel });
    port.channel = desk.channel;
    // Setting a channel allows downgrades: never go back to an older version (its schema would refuse the database).
    port.allowDowngrade = false;
    applied = key;
  }

  function check(): UpdateState {
    const url = feed();
    if (!options.isPackaged || !url) return state();
    if (progress.status === 'checking' || progress.status === 'downloading' || progress.status === 'ready' || progress.status === 'installing') return state();
    progress = { status: 'checking' };
    void loadUpdater()
      .then(async (port) => {
        apply(port, url);
        await port.checkForUpdates();
        // A check that told nothing (electron-updater inactive) must not block the next one.
        if (progress.status === 'checking') progress = { status: 'idle', checkedAt: now().toISOString() };
      })
      .catch((error: unknown) => {
        // electron-updater also emits "error" for most failures; a failure before it could is caught here.
        if (progress.status === 'checking' || progress.status === 'downloading') fail(stageNow(), error);
      });
    return state();
  }

  function startDailyCheck(): void {
    if (timer || !options.isPackaged) return;
    timer = setInterval(() => void check(), options.checkEveryMs ?? dailyMs);
    timer.unref();
  }

  /** electron-updater's install: it quits the app itself, or emits "error" and leaves it running. */
  async function install(relaunch: boolean): Promise<boolean> {
    const port = await loadUpdater();
    // isSilent: the per-user installer asks nothing; relaunch after "Reiniciar e instalar", not after a quit.
    port.quitAndInstall(true, relaunch);
    return progress.status !== 'error';
  }

  /** The backup before installing; false when it failed (nothing will be installed, the state says why). */
  async function backUp(version: string): Promise<boolean> {
    progress = { status: 'installing', version };
    try {
      await options.backupBeforeUpdate();
      return true;
    } catch (error) {
      fail('backup', error);
      return false;
    }
  }

  /** Installs once the current call has answered; `onFailed` runs when the install did not start. */
  function installLater(relaunch: boolean, onFailed: () => void = () => undefined): void {
    later(() => {
      install(relaunch).then(
        (started) => {
          if (!started) onFailed();
        },
        (error: unknown) => {
          fail('install', error);
          onFailed();
        },
      );
    });
  }

  return {
    currentVersion: options.currentVersion,
    state,
    feedInUse: () => ({ url: feed(), fromEnvironment: options.environmentFeed !== null }),
    configure(next) {
      const before = `${desk.channel} ${feed() ?? ''}`;
      desk = { url: next.url, channel: next.channel };
      if (`${desk.channel} ${feed() ?? ''}` !== before && progress.status === 'error') progress = { status: 'idle', checkedAt: null };
      if (!feed()) return;
      startDailyCheck();
      check();
    },
    check,
    async installNow() {
      if (progress.status !== 'ready' || state().status !== 'ready') throw new AppError('update_not_ready');
      if (options.isSaleOpen()) throw new AppError('update_sale_open');
      if (!(await backUp(progress.version))) throw new AppError('backup_failed');
      installLater(true);
      return state();
    },
    interceptQuit(event) {
      if (quitHandled || progress.status !== 'ready' || state().status !== 'ready') return;
      quitHandled = true;
      event.preventDefault();
      // No backup or no install: the app still closes, on the version it runs.
      void backUp(progress.version).then((backedUp) => (backedUp ? installLater(false, options.quit) : options.quit()));
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

/** electron-updater's autoUpdater (CommonJS with getter exports: read from the default export under ESM). */
export async function loadElectronUpdater(log: (message: string, error?: unknown) => void): Promise<UpdaterPort> {
  const module = await import('electron-updater');
  const { autoUpdater } = module.default ?? module;
  autoUpdater.logger = { info: () => undefined, warn: (message: unknown) => log(String(message)), error: (message: unknown) => log(String(message)) };
  return autoUpdater as unknown as UpdaterPort;
}
