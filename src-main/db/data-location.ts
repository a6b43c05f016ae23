import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for our
 * productName, so the desktop app, the browser host and the CLI share one database by default.
 */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Mostrador');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Mostrador');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Mostrador');
}

/** --db FILE, else MOSTRADOR_DB, else mostrador.db in the per-user data folder. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.MOSTRADOR_DB ?? join(defaultDataFolder(env), 'mostrador.db');
}
