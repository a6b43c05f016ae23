/**
 * The desktop app's start-up problem page and its ways out. Electron cannot run here: the page,
 * the actions and the open-or-ask loop are pure and tested as they are; the window module is
 * tested against a fake BrowserWindow and dialog (a real click in a real Electron window is not).
 */
import { describe, expect, it, vi } from 'vitest';
import type { RestoreReport } from '../../src-shared/domain/backups';
import { errorMessages } from '../../src-shared/i18n/errors';
import type { OpenProblem } from '../../src-main/db/open-problem';
import { AppError } from '../../src-main/errors/app-error';
import type { StartupAction, StartupDeps, StartupPage } from '../../src-main/shell/startup-problem';
import { actionOfUrl, escapeHtml, openOrAskWhy, startupProblemHtml, startupProblemUrl, waysOut } from '../../src-main/shell/startup-problem';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  class FakeWindow {
    static created: FakeWindow[] = [];
    listeners = new Map<string, Listener[]>();
    contentsListeners = new Map<string, Listener[]>();
    loaded: string[] = [];
    title = '';
    destroyed = false;
    constructor(readonly options: unknown) {
      FakeWindow.created.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    removeAllListeners(event: string) {
      this.listeners.delete(event);
    }
    isDestroyed() {
      return this.destroyed;
    }
    setTitle(title: string) {
      this.title = title;
    }
    show() {}
    close() {
      this.destroyed = true;
      this.emit('closed');
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    webContents = {
      on: (event: string, listener: Listener) => this.contentsListeners.set(event, [...(this.contentsListeners.get(event) ?? []), listener]),
      setWindowOpenHandler: () => {},
      /** What a click on a link of the page does. */
      navigate: (url: string) => {
        let prevented = false;
        for (const listener of this.contentsListeners.get('will-navigate') ?? []) listener({ url, preventDefault: () => (prevented = true) });
        return prevented;
      },
    };
  }
  return { FakeWindow, showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/media/usb/otro.db'] })) };
});
vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow, dialog: { showOpenDialog: electron.showOpenDialog } }));

const { createProblemWindow, problemWindowOptions } = await import('../../src-main/shell/startup-problem-window');

const damaged: OpenProblem = { problem: 'database_damaged', path: '/home/ana/.config/Mostrador/mostrador.db', detail: 'quick_check: Tree 12 page 40 cell 3: invalid page number 99999' };

describe('start-up problem page', () => {
  it('says in Spanish which problem, the file, and the ways out', () => {
    const html = startupProblemHtml({ language: 'es', problem: damaged });
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('El archivo de datos está dañado');
    expect(html).toContain(escapeHtml(errorMessages.es.database_damaged));
    expect(html).toContain('<code>/home/ana/.config/Mostrador/mostrador.db</code>');
    expect(html).toContain('invalid page number 99999');
    const links = [...html.matchAll(/<a class="button[^"]*" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['mostrador-startup:restore', 'Restaurar la última copia buena'],
      ['mostrador-startup:open-other', 'Abrir otro archivo'],
      ['mostrador-startup:retry', 'Reintentar'],
      ['mostrador-startup:quit', 'Salir'],
    ]);
  });

  it('says it in English', () => {
    const html = startupProblemHtml({ language: 'en', problem: { ...damaged, problem: 'database_newer' } });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('The file is from a newer version of Mostrador');
    expect(html).toContain(escapeHtml(errorMessages.en.database_newer));
    expect(html).toContain('>Try again</a>');
    expect(html).toContain('>Restore the latest good backup</a>');
    expect(html).toContain('>Quit</a>');
  });

  it('escapes the path, the detail and the notice, and runs no script', () => {
    const html = startupProblemHtml({
      language: 'es',
      problem: { problem: 'read_only', path: '/datos/<img src=x onerror=alert(1)>.db', detail: '"quoted" & <b>' },
      notice: '<script>alert(1)</script>',
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.db');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;');
    expect(html).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(decodeURIComponent(startupProblemUrl({ language: 'es', problem: damaged }).replace('data:text/html;charset=utf-8,', ''))).toBe(startupProblemHtml({ language: 'es', problem: damaged }));
  });

  it('offers a backup where one helps, and retry first where the cause is fixed in place', () => {
    expect(waysOut('database_damaged')[0]).toBe('restore');
    expect(waysOut('database_unreadable')).toContain('restore');
    expect(waysOut('database_newer')).toContain('restore');
    for (const problem of ['read_only', 'disk_full', 'database_in_use', 'disk_error'] as const) {
      expect(waysOut(problem)).toEqual(['retry', 'open-other', 'quit']);
    }
  });

  it('reads the action of a link, and nothing else', () => {
    expect(actionOfUrl('mostrador-startup:restore')).toBe('restore');
    expect(actionOfUrl('mostrador-startup://retry/')).toBe('retry');
    expect(actionOfUrl('mostrador-startup:format-disk')).toBeNull();
    expect(actionOfUrl('https://evil.example/mostrador-startup:quit')).toBeNull();
  });
});

interface FakeHost {
  name: string;
}

/** The loop with fakes: `files` says which paths open (by default none). */
function deps(answers: StartupAction[], opens: (path: string, attempt: number) => boolean) {
  const asked: StartupPage[] = [];
  let attempt = 0;
  const restore = vi.fn(async (_path: string): Promise<RestoreReport> => ({ restoredFrom: '/b/1.db', keptAside: null, contents: {} as RestoreReport['contents'] }));
  const value: StartupDeps<FakeHost> = {
    language: () => 'es',
    open: async (path) => (opens(path, attempt++) ? { ok: true, host: { name: path } } : { ok: false, problem: { ...damaged, path } }),
    ask: async (page) => {
      asked.push(page);
      const next = answers.shift();
      if (!next) throw new Error('asked once too often');
      return next;
    },
    restoreLatestGoodBackup: restore,
    chooseFile: async () => '/media/usb/otro.db',
  };
  return { value, asked, restore };
}

describe('opening, or asking why not', () => {
  const path = '/data/mostrador.db';

  it('opens at once when the file is fine, without asking', async () => {
    const { value, asked } = deps([], () => true);
    expect(await openOrAskWhy(path, value)).toEqual({ host: { name: path }, path });
    expect(asked).toEqual([]);
  });

  it('restores the latest good backup, then opens', async () => {
    const { value, asked, restore } = deps(['restore'], (_p, attempt) => attempt > 0);
    expect(await openOrAskWhy(path, value)).toEqual({ host: { name: path }, path });
    expect(restore).toHaveBeenCalledWith(path);
    expect(asked[0]?.problem.problem).toBe('database_damaged');
  });

  it('says so when no backup is good, and lets the user retry', async () => {
    const { value, asked, restore } = deps(['restore', 'retry'], (_p, attempt) => attempt > 1);
    restore.mockRejectedValueOnce(new AppError('backup_damaged'));
    expect(await openOrAskWhy(path, value)).not.toBeNull();
    expect(asked[1]?.notice).toBe(errorMessages.es.backup_damaged);
  });

  it('opens another file chosen in the open dialog', async () => {
    const { value } = deps(['open-other'], (p) => p === '/media/usb/otro.db');
    expect(await openOrAskWhy(path, value)).toEqual({ host: { name: '/media/usb/otro.db' }, path: '/media/usb/otro.db' });
  });

  it('answers null when the user quits', async () => {
    const { value } = deps(['retry', 'quit'], () => false);
    expect(await openOrAskWhy(path, value)).toBeNull();
  });
});

describe('start-up problem window', () => {
  it('is sandboxed and isolated, with no preload', () => {
    const { webPreferences } = problemWindowOptions();
    expect(webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(webPreferences).not.toHaveProperty('preload');
  });

  it('answers the link clicked, refuses the navigation, and takes closing the window as quitting', async () => {
    const window = createProblemWindow();
    const asked = window.ask({ language: 'es', problem: damaged });
    const fake = electron.FakeWindow.created.at(-1)!;
    expect(fake.loaded[0]).toMatch(/^data:text\/html;charset=utf-8,/);
    expect(fake.title).toBe('Mostrador — El archivo de datos está dañado');
    expect(fake.webContents.navigate('https://example.com/')).toBe(true);
    expect(fake.webContents.navigate('mostrador-startup:restore')).toBe(true);
    expect(await asked).toBe('restore');

    // The same window shows the next page.
    const again = window.ask({ language: 'es', problem: { ...damaged, problem: 'disk_full' } });
    expect(electron.FakeWindow.created.at(-1)).toBe(fake);
    expect(fake.title).toBe('Mostrador — El disco está lleno');
    fake.close();
    expect(await again).toBe('quit');
  });

  it('chooses another file with the native open dialog', async () => {
    const window = createProblemWindow();
    expect(await window.chooseFile('es')).toBe('/media/usb/otro.db');
    expect(electron.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Elige un archivo de datos de Mostrador', properties: ['openFile'] }));
  });
});
