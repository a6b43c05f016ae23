/**
 * The desktop app's start-up problem page: which problem, the file, the ways out. Pure (no
 * Electron): the page's HTML, the action a click asks for, and the loop that opens the database
 * or asks what to do until it opens or the user quits. startup-problem-window.ts shows it.
 *
 * The page has no script and no preload: each way out is a link to mostrador-startup:<action>,
 * which main catches on will-navigate (the navigation guard refuses the navigation itself).
 */
import type { RestoreReport } from '../../src-shared/domain/backups';
import type { Language } from '../../src-shared/domain/centre';
import { errorMessage } from '../../src-shared/i18n/errors';
import type { OpenProblem, OpenProblemCode } from '../db/open-problem';
import { AppError } from '../errors/app-error';

export const startupActions = ['restore', 'open-other', 'retry', 'quit'] as const;
export type StartupAction = (typeof startupActions)[number];

export const startupActionScheme = 'mostrador-startup:';

const texts = {
  es: {
    heading: 'Mostrador no puede abrir los datos del centro',
    file: 'Archivo',
    detail: 'Detalle técnico',
    actions: { restore: 'Restaurar la última copia buena', 'open-other': 'Abrir otro archivo', retry: 'Reintentar', quit: 'Salir' },
    chooseFile: 'Elige un archivo de datos de Mostrador',
    databaseFiles: 'Datos de Mostrador',
    titles: {
      database_damaged: 'El archivo de datos está dañado',
      database_unreadable: 'No se puede abrir el archivo de datos',
      database_newer: 'El archivo es de una versión más nueva de Mostrador',
      database_in_use: 'Otro programa está usando el archivo de datos',
      read_only: 'No se puede escribir en el archivo de datos',
      disk_full: 'El disco está lleno',
      disk_error: 'El disco falla al leer o escribir',
      internal: 'Mostrador no ha podido arrancar',
    },
  },
  en: {
    heading: "Mostrador cannot open the centre's data",
    file: 'File',
    detail: 'Technical detail',
    actions: { restore: 'Restore the latest good backup', 'open-other': 'Open another file', retry: 'Try again', quit: 'Quit' },
    chooseFile: 'Choose a Mostrador data file',
    databaseFiles: 'Mostrador data',
    titles: {
      database_damaged: 'The data file is damaged',
      database_unreadable: 'The data file cannot be opened',
      database_newer: 'The file is from a newer version of Mostrador',
      database_in_use: 'Another program is using the data file',
      read_only: 'The data file cannot be written',
      disk_full: 'The disk is full',
      disk_error: 'The disk fails to read or write',
      internal: 'Mostrador could not start',
    },
  },
} satisfies Record<Language, { titles: Record<OpenProblemCode, string>; actions: Record<StartupAction, string> } & Record<string, unknown>>;

export function startupTexts(language: Language) {
  return texts[language];
}

/**
 * The ways out of a problem, first the one most likely to help. A backup helps a file that is
 * damaged, unreadable or too new; a read-only file, a full disk or a file in use are fixed where
 * they are, then retried (restoring could not write either).
 */
export function waysOut(problem: OpenProblemCode): StartupAction[] {
  switch (problem) {
    case 'database_damaged':
    case 'database_unreadable':
      return ['restore', 'open-other', 'retry', 'quit'];
    case 'database_newer':
    case 'internal':
      return ['retry', 'restore', 'open-other', 'quit'];
    default:
      return ['retry', 'open-other', 'quit'];
  }
}

/** The action a link of the page asks for, or null for any other address. */
export function actionOfUrl(url: string): StartupAction | null {
  if (!url.startsWith(startupActionScheme)) return null;
  const action = url.slice(startupActionScheme.length).replace(/^\/\//, '').replace(/\/$/, '');
  return startupActions.find((candidate) => candidate === action) ?? null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface StartupPage {
  language: Language;
  problem: OpenProblem;
  /** What the last way out answered (no good backup, the chosen file would not open either). */
  notice?: string | null;
}

/** The page, whole: a strict CSP of its own (no script at all), every text escaped. */
export function startupProblemHtml({ language, problem, notice }: StartupPage): string {
  const t = texts[language];
  const actions = waysOut(problem.problem)
    .map((action, i) => `<a class="button${i === 0 ? ' primary' : ''}" href="${startupActionScheme}${action}">${escapeHtml(t.actions[action])}</a>`)
    .join('\n      ');
  return `<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
  <title>Mostrador — ${escapeHtml(t.titles[problem.problem])}</title>
  <style>
    body { font: 15px/1.5 system-ui, sans-serif; color: #222; background: #f7f7f5; margin: 0; padding: 32px 40px; }
    h1 { font-size: 20px; margin: 0 0 4px; }
    h2 { font-size: 17px; font-weight: 600; margin: 0 0 16px; color: #8a1c1c; }
    code { font: 13px ui-monospace, monospace; word-break: break-all; background: #fff; padding: 2px 4px; border: 1px solid #ddd; }
    details { color: #555; font-size: 13px; margin: 12px 0; }
    .notice { background: #fff4e5; border: 1px solid #f0c36d; padding: 8px 12px; margin: 16px 0; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 24px; }
    .button { display: inline-block; padding: 8px 16px; border: 1px solid #888; border-radius: 6px; background: #fff; color: #222; text-decoration: none; }
    .button.primary { background: #2a6f97; border-color: #2a6f97; color: #fff; }
    .button:focus-visible { outline: 3px solid #f0c36d; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(t.heading)}</h1>
    <h2>${escapeHtml(t.titles[problem.problem])}</h2>
    <p>${escapeHtml(errorMessage(language, problem.problem))}</p>
    <p>${escapeHtml(t.file)}: <code>${escapeHtml(problem.path)}</code></p>
    <details><summary>${escapeHtml(t.detail)}</summary><code>${escapeHtml(problem.detail)}</code></details>
    ${notice ? `<p class="notice" role="alert">${escapeHtml(notice)}</p>` : ''}
    <nav class="actions" aria-label="${escapeHtml(t.heading)}">
      ${actions}
    </nav>
  </main>
</body>
</html>
`;
}

/** The page as an address a window can load. */
export function startupProblemUrl(page: StartupPage): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(startupProblemHtml(page))}`;
}

export type Opened<Host> = { ok: true; host: Host } | { ok: false; problem: OpenProblem };

export interface StartupDeps<Host> {
  language: () => Language;
  open: (path: string) => Promise<Opened<Host>>;
  /** Shows the page and answers the way out chosen (closing the window is quitting). */
  ask: (page: StartupPage) => Promise<StartupAction>;
  /** The backups work's restoreLatestGoodBackup (nothing has the file open when it runs). */
  restoreLatestGoodBackup: (path: string) => Promise<RestoreReport>;
  /** A native open dialog: the file chosen, or null. */
  chooseFile: () => Promise<string | null>;
  /** Told each problem, for the log (never shown as a stack). */
  log?: (problem: OpenProblem) => void;
}

/**
 * Opens the database at `path`, and while it cannot: shows why and does the way out chosen
 * (restore the latest good backup, open another file, retry), then tries again. Answers the open
 * host and the file it is on, or null when the user quits.
 */
export async function openOrAskWhy<Host>(path: string, deps: StartupDeps<Host>): Promise<{ host: Host; path: string } | null> {
  let current = path;
  let notice: string | null = null;
  for (;;) {
    const opened = await deps.open(current);
    if (opened.ok) return { host: opened.host, path: current };
    deps.log?.(opened.problem);
    const action = await deps.ask({ language: deps.language(), problem: opened.problem, notice });
    notice = null;
    switch (action) {
      case 'quit':
        return null;
      case 'retry':
        break;
      case 'open-other': {
        const chosen = await deps.chooseFile();
        if (chosen) current = chosen;
        break;
      }
      case 'restore':
        try {
          await deps.restoreLatestGoodBackup(current);
        } catch (error) {
          notice = errorMessage(deps.language(), error instanceof AppError ? error.code : 'backup_failed');
        }
        break;
    }
  }
}
