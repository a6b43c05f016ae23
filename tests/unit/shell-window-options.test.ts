import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../src-main/shell/window-options';

describe('main window options', () => {
  const options = windowOptions('/app/out/preload/index.js');

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('is titled Mostrador, hidden until ready and desk-sized', () => {
    expect(options.title).toBe('Mostrador');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
    expect(options.minHeight).toBeLessThanOrEqual(options.height ?? 0);
  });
});
