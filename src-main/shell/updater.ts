/** The update feed, only when one is configured: updates are off by default (the desk may never be online). */
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

export interface UpdaterOptions {
  feedUrl: string | null;
  /** Only a packaged app can update itself. */
  isPackaged: boolean;
  log: (message: string, error?: unknown) => void;
}

/** Checks the feed once in the background; being offline or a broken feed is logged, never thrown. */
export async function startUpdater(options: UpdaterOptions): Promise<boolean> {
  if (!options.feedUrl || !options.isPackaged) return false;
  try {
    // electron-updater is CommonJS with getter exports: read it from the default export under ESM.
    const module = await import('electron-updater');
    const { autoUpdater } = module.default ?? module;
    autoUpdater.on('error', (error) => options.log('update check failed', error));
    autoUpdater.setFeedURL({ provider: 'generic', url: options.feedUrl });
    await autoUpdater.checkForUpdatesAndNotify();
    return true;
  } catch (error) {
    options.log('update check failed', error);
    return false;
  }
}
