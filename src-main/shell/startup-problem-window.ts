import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, OpenDialogOptions } from 'electron';
import { BrowserWindow, dialog } from 'electron';
import type { Language } from '../../src-shared/domain/centre';
import type { StartupAction, StartupPage } from './startup-problem';
import { actionOfUrl, startupProblemUrl, startupTexts } from './startup-problem';
import { windowBackground, windowOptions, windowTitle } from './window-options';

/** The problem window: as sandboxed as the main one, with no preload at all (the page needs none). */
export function problemWindowOptions(): BrowserWindowConstructorOptions {
  const base = windowOptions('');
  const { preload: _preload, ...webPreferences } = base.webPreferences ?? {};
  return { ...base, width: 760, height: 560, minWidth: 520, minHeight: 420, backgroundColor: windowBackground, webPreferences };
}

/**
 * One window for the whole start-up: each ask() shows the page and answers the link clicked;
 * closing the window is quitting. close() once the database is open.
 */
export function createProblemWindow(): { ask: (page: StartupPage) => Promise<StartupAction>; chooseFile: (language: Language) => Promise<string | null>; close: () => void } {
  let window: BrowserWindowType | null = null;
  let answer: ((action: StartupAction) => void) | null = null;
  const settle = (action: StartupAction) => {
    const done = answer;
    answer = null;
    done?.(action);
  };

  function open(): BrowserWindowType {
    if (window && !window.isDestroyed()) return window;
    const created = new BrowserWindow(problemWindowOptions());
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      window = null;
      settle('quit');
    });
    // A way out is a link: the navigation is refused (here and by the navigation guard) and acted on.
    created.webContents.on('will-navigate', (event) => {
      event.preventDefault();
      const action = actionOfUrl(event.url);
      if (action) settle(action);
    });
    created.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window = created;
    return created;
  }

  return {
    ask(page) {
      const shown = open();
      shown.setTitle(`${windowTitle} — ${startupTexts(page.language).titles[page.problem.problem]}`);
      const answered = new Promise<StartupAction>((resolve) => (answer = resolve));
      shown.loadURL(startupProblemUrl(page)).catch((error: unknown) => console.error('[main] the start-up problem page did not load', error));
      return answered;
    },
    async chooseFile(language) {
      const t = startupTexts(language);
      const options: OpenDialogOptions = {
        title: t.chooseFile,
        properties: ['openFile'],
        filters: [{ name: t.databaseFiles, extensions: ['db', 'sqlite', 'sqlite3'] }],
      };
      const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    close() {
      answer = null;
      if (window && !window.isDestroyed()) {
        window.removeAllListeners('closed');
        window.close();
      }
      window = null;
    },
  };
}
