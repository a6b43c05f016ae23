import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiOrExplain } from '../api/open-api-or-explain';
import { openProblemAnswer } from '../db/open-problem';
import { parseHostArgs } from '../cli/args';
import { resolveDatabasePath } from '../db/data-location';
import { errorMessage } from '../../src-shared/i18n/errors';
import { startWebHost } from './host';

/** `npm run web`: the browser host on 127.0.0.1, over the same API as the desktop app. */
async function main() {
  const { db, port } = parseHostArgs(process.argv.slice(2));
  const path = resolveDatabasePath(db);
  // A file it cannot open or cannot write is refused before serving anything: the coded error, no stack.
  const opened = await openApiOrExplain(path, { automaticBackups: true, sync: { start: true }, fiscal: { start: true } });
  if (!opened.ok) {
    process.stderr.write(`${JSON.stringify(openProblemAnswer(opened.problem), null, 2)}\n`);
    process.exit(1);
  }
  const api = opened.host;
  // Bundled to out/main/web.js, next to out/renderer.
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const host = await startWebHost(api, { rendererDir, port: port ?? Number(process.env.PORT ?? 7411) });
  process.stdout.write(`Mostrador (navegador / browser): ${host.url}\nBase de datos / database: ${path}\n`);
  const stop = () => {
    // The closing backup, then the database.
    void host.close().then(() => api.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Still a coded answer (a port in use, a renderer missing): the message for the log, never a stack.
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${JSON.stringify({ ok: false, error: { code: 'internal', message: errorMessage('es', 'internal') }, detail }, null, 2)}\n`);
  process.exit(1);
});
