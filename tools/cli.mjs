// `npm run cli`: runs the built CLI (out/main/cli.js), building it first when it is missing or older than
// the sources it is built from (a fresh clone, an edit). Plain JavaScript with no imports of ours, so
// starting it costs only Node's start and a stat walk of the sources (about 385 files: a few ms).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out/main/cli.js');
const sources = ['src-main', 'src-shared', 'migrations', 'package.json', 'package-lock.json', 'electron.vite.config.ts', 'tools/packaging/bundled-deps.ts'];

/** The newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function builtTime() {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return 0;
  }
}

const sourcesTime = Math.max(...sources.map((source) => newest(join(root, source))));
if (builtTime() < sourcesTime) {
  // Progress to stderr: stdout is the CLI's JSON.
  process.stderr.write('Building the CLI (out/main/cli.js)…\n');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0 || builtTime() === 0) {
    process.stderr.write('The build failed: see above.\n');
    process.exit(1);
  }
}

// V8's code cache on disk (the OS temp folder): the API's modules and their libraries (kysely, zod…) are
// parsed and compiled once, not on every call.
enableCompileCache();

// In this same process (one Node start, not two): the CLI reads process.argv.slice(2), which is the same here.
await import(pathToFileURL(built).href);
