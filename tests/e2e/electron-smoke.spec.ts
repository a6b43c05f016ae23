import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mainEntry = join(root, 'out', 'main', 'index.js');

/**
 * The Electron binary's path, or null when it is not installed. Never `require('electron')`
 * to find out: when the binary is missing that starts a download.
 */
function installedElectron(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executable = join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

const executablePath = installedElectron();

test.describe('Electron shell', () => {
  test.skip(executablePath === null, 'Electron binary not installed on this machine (cannot be downloaded offline)');

  let userData = '';
  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'mostrador-electron-'));
  });
  test.afterEach(() => {
    rmSync(userData, { recursive: true, force: true });
  });

  test('opens the Mostrador window with the API bridge', async () => {
    expect(existsSync(mainEntry), 'run `electron-vite build` first').toBe(true);
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    delete env.ELECTRON_RENDERER_URL;
    const app = await _electron.launch({
      executablePath: executablePath ?? undefined,
      args: [mainEntry],
      env: { ...env, MOSTRADOR_USER_DATA_DIR: userData },
    });
    try {
      const window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
      expect(title).toContain('Mostrador');

      const bridge = await window.evaluate(() => {
        const host = window as unknown as { mostrador?: Record<string, unknown>; require?: unknown; process?: unknown };
        return { keys: Object.keys(host.mostrador ?? {}).sort(), require: typeof host.require, process: typeof host.process };
      });
      expect(bridge).toEqual({
        keys: ['invoke', 'onTablesChanged', 'openExternal', 'print', 'printToPdf', 'setSaleOpen'],
        require: 'undefined',
        process: 'undefined',
      });
      // Served from the app's own origin, never file://.
      expect(window.url()).toMatch(/^app:\/\/mostrador\/index\.html/);

      const settings = await window.evaluate(async () => {
        const host = window as unknown as { mostrador: { invoke: (call: string, input: unknown) => Promise<{ ok: boolean }> } };
        return host.mostrador.invoke('settings.get', {});
      });
      expect(settings.ok).toBe(true);
      expect(existsSync(join(userData, 'mostrador.db'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
