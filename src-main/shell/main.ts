import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, Event as ElectronEvent, MessageBoxOptions, WebContents } from 'electron';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { AppError } from '../errors/app-error';
import type { UntypedInvoke } from '../api/dispatch';
import type { ApiHost } from '../api/open-api';
import { openApi } from '../api/open-api';
import type { Language } from '../../src-shared/domain/centre';
import { languages } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import { applyContentSecurityPolicy, contentSecurityPolicy } from './csp';
import { openExternalIfAllowed } from '../security/external-links';
import { tablesChangedChannel } from './channels';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { guardNavigation } from './navigation-guard';
import type { RendererLocation } from './renderer-location';
import { rendererLocation } from './renderer-location';
import { systemLanguage } from './start-language';
import { startUpdater, updateFeedUrl } from './updater';
import { windowOptions, windowTitle } from './window-options';

// Chromium draws <input type="date"> in its own locale: day/month/year, as in every country the centre may be in.
app.commandLine.appendSwitch('lang', 'es-ES');

// A separate profile (and database) for tests and portable installs; must be set before the lock.
if (process.env.MOSTRADOR_USER_DATA_DIR) app.setPath('userData', process.env.MOSTRADOR_USER_DATA_DIR);

const renderer: RendererLocation = rendererLocation({
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  isPackaged: app.isPackaged,
  indexPath: join(__dirname, '../renderer/index.html'),
});
const isDev = renderer.kind === 'dev-server';

let mainWindow: BrowserWindow | null = null;
let api: ApiHost | null = null;
let language: Language = 'es';

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
  app.on('will-quit', closeDatabaseBeforeQuit);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  language = systemLanguage(app.getPreferredSystemLanguages());
  const opened = await openDatabaseOrQuit();
  if (!opened) return;
  api = opened;

  language = await centreLanguage(opened);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  applyContentSecurityPolicy(session.defaultSession, contentSecurityPolicy(isDev ? renderer.url : undefined));
  registerIpcHandlers({ invokeFor: (sender) => languageAwareInvoke(windowInvoke(opened, sender)), renderer, language: () => language });
  tellWindowsWhatChanged(opened);
  setMenu();
  createWindow();
  void startUpdater({ feedUrl: updateFeedUrl(process.env), isPackaged: app.isPackaged, log: (message, error) => console.warn(`[updater] ${message}`, error) });
}

/** Opens the centre's database; a file from a newer Mostrador is refused untouched, with a message. */
async function openDatabaseOrQuit(): Promise<ApiHost | null> {
  try {
    return await openApi(join(app.getPath('userData'), 'mostrador.db'));
  } catch (error) {
    const code = error instanceof AppError && error.code === 'database_newer' ? 'database_newer' : 'internal';
    if (code === 'internal') console.error('[main] could not open the database', error);
    dialog.showErrorBox(windowTitle, errorMessage(language, code));
    app.exit(1);
    return null;
  }
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
  const loading = renderer.kind === 'dev-server' ? window.loadURL(renderer.url) : window.loadFile(renderer.indexPath);
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
  host.database
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
