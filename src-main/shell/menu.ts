import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../src-shared/domain/centre';

const labels = {
  es: {
    file: 'Archivo',
    quit: 'Salir',
    edit: 'Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: 'Ver',
    reload: 'Recargar',
    devTools: 'Herramientas de desarrollo',
    resetZoom: 'Tamaño real',
    zoomIn: 'Aumentar',
    zoomOut: 'Reducir',
    fullScreen: 'Pantalla completa',
    window: 'Ventana',
    minimize: 'Minimizar',
    help: 'Ayuda',
    about: 'Acerca de Mostrador',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    help: 'Help',
    about: 'About Mostrador',
  },
} satisfies Record<Language, Record<string, string>>;

export interface MenuOptions {
  language: Language;
  /** Development build: adds reload and the developer tools. */
  isDev: boolean;
  /** macOS puts Quit and About in the application menu. */
  isMac: boolean;
  onAbout: () => void;
}

/** The application menu in the centre's language. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = labels[options.language];
  const about: MenuItemConstructorOptions = { label: t.about, click: options.onAbout };
  const quit: MenuItemConstructorOptions = { label: t.quit, role: 'quit' };

  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({ label: 'Mostrador', submenu: [about, { type: 'separator' }, quit] });
  } else {
    template.push({ label: t.file, submenu: [quit] });
  }
  template.push({
    label: t.edit,
    submenu: [
      { label: t.undo, role: 'undo' },
      { label: t.redo, role: 'redo' },
      { type: 'separator' },
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  });
  template.push({
    label: t.view,
    submenu: [
      ...(options.isDev
        ? ([
            { label: t.reload, role: 'reload' },
            { label: t.devTools, role: 'toggleDevTools' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { label: t.resetZoom, role: 'resetZoom' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      { type: 'separator' },
      { label: t.fullScreen, role: 'togglefullscreen' },
    ],
  });
  if (options.isMac) template.push({ label: t.window, submenu: [{ label: t.minimize, role: 'minimize' }, { role: 'close' }] });
  template.push({ label: t.help, submenu: [about] });
  return template;
}
