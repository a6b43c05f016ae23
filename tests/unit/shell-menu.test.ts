import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuOptions } from '../../src-main/shell/menu';
import { buildMenuTemplate } from '../../src-main/shell/menu';

function build(overrides: Partial<MenuOptions> = {}): MenuItemConstructorOptions[] {
  return buildMenuTemplate({ language: 'es', isDev: false, isMac: false, onAbout: () => {}, ...overrides });
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? (item.submenu as MenuItemConstructorOptions[]) : [];
}

function roles(item: MenuItemConstructorOptions | undefined): (string | undefined)[] {
  return submenu(item)
    .filter((entry) => entry.type !== 'separator')
    .map((entry) => entry.role);
}

describe('application menu', () => {
  it('speaks Spanish', () => {
    const template = build({ language: 'es' });
    expect(template.map((item) => item.label)).toEqual(['Archivo', 'Edición', 'Ver', 'Ayuda']);
    expect(submenu(template[0]).map((item) => item.label)).toEqual(['Salir']);
    expect(submenu(template[3]).map((item) => item.label)).toEqual(['Acerca de Mostrador']);
    expect(submenu(template[1]).map((item) => item.label)).toContain('Copiar');
  });

  it('speaks English', () => {
    const template = build({ language: 'en' });
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(submenu(template[0]).map((item) => item.label)).toEqual(['Quit']);
    expect(submenu(template[3]).map((item) => item.label)).toEqual(['About Mostrador']);
  });

  it('uses the standard edit roles', () => {
    expect(roles(build()[1])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(submenu(build()[0])[0]?.role).toBe('quit');
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(build({ isDev: false })[2])).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(build({ isDev: true })[2])).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('puts Quit and About in the application menu on macOS', () => {
    const template = build({ isMac: true, language: 'en' });
    expect(template.map((item) => item.label)).toEqual(['Mostrador', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(template[0])).toEqual([undefined, 'quit']);
  });

  it('calls back for About', () => {
    const onAbout = vi.fn();
    const about = submenu(build({ onAbout })[3])[0];
    expect(about?.click).toBe(onAbout);
  });
});
