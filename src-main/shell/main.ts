import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, Event as ElectronEvent, MessageBoxOptions, WebContents } from 'electron';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import type { UntypedInvoke } from '../api/dispatch';
import type { ApiHost } from '../api/open-api';
import { openApiOrExplain } from '../api/open-api-or-explain';
import { restoreLatestGoodBackup } from '../db/backup/offline-restore';
import type { Language } from '../../src-shared/domain/centre';
import { languages } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import { applyContentSecurityPolicy, contentSecurityPolicy } from './csp';
import { openExternalIfAllowed } from '../security/external-links';
import { appSchemePrivileges, registerAppProtocol } from './app-protocol';
import { tablesChangedChannel } from './channels';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { guardNavigation } from './navigation-guard';
import type { RendererLocation } from './renderer-location';
import { rendererLocation } from './renderer-location';
import { systemLanguage } from './start-language';
import { openOrAskWhy } from './startup-problem';
import { createProblemWindow } from './startup-problem-window';
import { createOpenSales } from './open-sales';
import { createUpdateService, loadElectronUpdater, updateFeedUrl } from './updater';
import { windowOptions, windowTitle } from './window-options';
import { allowCameraOnly, sameSite } from './media-permission';

// Chromium draws <input type="date"> in its own locale: day/month/year, as in every country the centre may be in.
app.commandLine.appendSwitch('lang', 'es-ES');

// A separate profile (and database) for tests and portable installs; must be set before the lock.
if (process.env.MOSTRADOR_USER_DATA_DIR) app.setPath('userData', process.env.MOSTRADOR_USER_DATA_DIR);

// The renderer is served from app://mostrador (never file://); the scheme is privileged before ready.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
const rendererRoot = join(__dirname, '../renderer');

const renderer: RendererLocation = rendererLocation({ devServerUrl: process.env.ELECTRON_RENDERER_URL, isPackaged: app.isPackaged });
const isDev = renderer.kind === 'dev-server';

let mainWindow: BrowserWindow | null = null;
let api: ApiHost | null = null;
let language: Language = 'es';
const problemWindow = createProblemWindow();

// Self-update: the feed in Ajustes (or MOSTRADOR_UPDATE_URL), checked on start and daily; never during a sale, always after a backup.
const openSales = createOpenSales();
const logUpdater = (message: string, error?: unknown) => console.warn(`[updater] ${message}`, error ?? '');
const updates = createUpdateService({
  isPackaged: app.isPackaged,
  currentVersion: app.getVersion(),
  environmentFeed: updateFeedUrl(process.env),
  loadUpdater: () => loadElectronUpdater(logUpdater),
  isSaleOpen: () => openSales.any(),
  backupBeforeUpdate: async () => {
    if (!api) throw new Error('the database is not open');
    await api.backups.runNow('before-update');
  },
  quit: () => app.quit(),
  log: logUpdater,
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, renderer, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (api && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  // A downloaded update installs as the app closes, after a backup (before the database closes).
  app.on('before-quit', (event) => updates.interceptQuit(event));
  app.on('will-quit', closeDatabaseBeforeQuit);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  language = systemLanguage(app.getPreferredSystemLanguages());
  const opened = await openDatabaseOrAsk();
  if (!opened) return;
  api = opened;

  language = await centreLanguage(opened);
  session.defaultSession.setPermissionRequestHandler(allowCameraOnly((url) => sameSite(url, renderer.url)));
  applyContentSecurityPolicy(session.defaultSession, contentSecurityPolicy(isDev ? renderer.url : undefined));
  registerAppProtocol(protocol, { root: rendererRoot, readFile: (path) => readFile(path), contentSecurityPolicy: contentSecurityPolicy() });
  registerIpcHandlers({
    invokeFor: (sender) => languageAwareInvoke(windowInvoke(opened, sender)),
    renderer,
    language: () => language,
    onSaleOpen: (sender, open) => openSales.set(sender, open),
  });
  tellWindowsWhatChanged(opened);
  setMenu();
  createWindow();
  // Only now: closing the last window first would quit the app.
  problemWindow.close();
}

/**
 * Opens the centre's database. One that cannot be opened or written (damaged, from a newer
 * Mostrador, read-only, a full disk, in use by another program) shows the start-up problem page
 * in plain words, with its ways out: restore the latest good backup, open another file, retry, quit.
 */
async function openDatabaseOrAsk(): Promise<ApiHost | null> {
  const opened = await openOrAskWhy(join(app.getPath('userData'), 'mostrador.db'), {
    language: () => language,
    open: (path) => openApiOrExplain(path, { automaticBackups: true, updates, sync: { start: true }, fiscal: { start: true } }),
    ask: (page) => problemWindow.ask(page),
    restoreLatestGoodBackup,
    chooseFile: () => problemWindow.chooseFile(language),
    log: (problem) => console.error(`[main] cannot open the database: ${problem.problem} (${problem.path}): ${problem.detail}`),
  });
  if (!opened) app.quit();
  return opened?.host ?? null;
}

async function centreLanguage(host: ApiHost): Promise<Language> {
  const result = await host.invoke('settings.get', {});
  return result.ok ? readLanguage(result.value) : language;
}

function readLanguage(settings: unknown): Language {
  const value = (settings as { language?: unknown } | null)?.language;
  return languages.find((candidate) => candidate === value) ?? language;
}

/** Each window has its own signed-in session, kept as long as the window lives. */
const windowSessions = new WeakMap<WebContents, UntypedInvoke>();
function windowInvoke(host: ApiHost, sender: WebContents): UntypedInvoke {
  let invoke = windowSessions.get(sender);
  if (!invoke) {
    invoke = host.openSession().invoke;
    windowSessions.set(sender, invoke);
  }
  return invoke;
}

/** Every window refreshes what a write, another window, another process or a sync changed. */
function tellWindowsWhatChanged(host: ApiHost): void {
  host.onTablesChanged((change) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(tablesChangedChannel, change);
  });
  setInterval(() => host.watchOtherWriters(), 1000).unref();
}

/** The menu follows the centre's language when the settings change it. */
function languageAwareInvoke(invoke: UntypedInvoke): UntypedInvoke {
  return async (call, input, options) => {
    const result = await invoke(call, input, options);
    if (call === 'settings.update' && result.ok) {
      const next = readLanguage(result.value);
      if (next !== language) {
        language = next;
        setMenu();
      }
    }
    return result;
  };
}

function setMenu(): void {
  const template = buildMenuTemplate({ language, isDev, isMac: process.platform === 'darwin', onAbout: showAbout });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function showAbout(): void {
  const options: MessageBoxOptions = { type: 'info', title: windowTitle, message: `${windowTitle} ${app.getVersion()}`, buttons: ['OK'] };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

function createWindow(): void {
  // electron-vite emits the CommonJS preload as index.cjs because package.json has "type": "module".
  const options: BrowserWindowConstructorOptions = windowOptions(join(__dirname, '../preload/index.cjs'));
  const window = new BrowserWindow(options);
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  const loading = window.loadURL(renderer.url);
  loading.catch((error: unknown) => console.error('[main] the window could not load the app', error));
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openExternal(url: string): void {
  void openExternalIfAllowed(url, (allowed) => shell.openExternal(allowed));
}

let databaseClosed = false;

/** Closes SQLite cleanly (WAL checkpoint) before the process ends. */
function closeDatabaseBeforeQuit(event: ElectronEvent): void {
  if (!api || databaseClosed) return;
  event.preventDefault();
  const host = api;
  api = null;
  // The closing backup first (SQLite's online backup, checked), then the database.
  host
    .close()
    .catch((error: unknown) => console.error('[main] closing the database failed', error))
    .finally(() => {
      databaseClosed = true;
      app.quit();
    });
}

function fail(error: unknown): void {
  console.error('[main] start-up failed', error);
  dialog.showErrorBox(windowTitle, errorMessage(language, 'internal'));
  app.exit(1);
}
