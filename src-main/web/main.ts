import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApi } from '../api/open-api';
import { parseHostArgs } from '../cli/args';
import { resolveDatabasePath } from '../db/data-location';
import { startWebHost } from './host';

/** `npm run web`: the browser host on 127.0.0.1, over the same API as the desktop app. */
async function main() {
  const { db, port } = parseHostArgs(process.argv.slice(2));
  const path = resolveDatabasePath(db);
  mkdirSync(dirname(path), { recursive: true });
  const api = await openApi(path);
  // Bundled to out/main/web.js, next to out/renderer.
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const host = await startWebHost(api, { rendererDir, port: port ?? Number(process.env.PORT ?? 7411) });
  process.stdout.write(`Mostrador (navegador / browser): ${host.url}\nBase de datos / database: ${path}\n`);
  const stop = () => {
    void host.close().then(() => api.database.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
