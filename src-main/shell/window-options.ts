import type { BrowserWindowConstructorOptions } from 'electron';

export const windowTitle = 'Mostrador';
export const windowBackground = '#f7f7f5';

/** The main window: a sandboxed, isolated renderer that only talks to the API through the preload. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: windowTitle,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show so the desk never sees a blank white frame.
    show: false,
    backgroundColor: windowBackground,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
