/**
 * Writes the app's icons into resources/ (run `npm run icons` after changing tools/icons/mark.ts;
 * the generated files are committed, and a test checks they match what this draws).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconFiles } from './icons/icon-set';

const resources = fileURLToPath(new URL('../resources/', import.meta.url));

for (const [path, file] of iconFiles()) {
  const target = join(resources, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file);
  console.log(`${path}  ${file.length} bytes`);
}
