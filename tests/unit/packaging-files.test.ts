import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notShipped } from '../../electron-builder.config';
import { bundledDeps } from '../../tools/packaging/bundled-deps';
import { bundleGraph, buildInto, filesUnder, loadBuilderConfig, packagingFilters, projectDir, readLock, runtimeClosure } from '../helpers/packaging';

/** Never walked: installed packages (checked through the lock), build outputs, version control. */
const skipped = new Set(['node_modules', '.git', 'out', 'dist', 'test-results', 'playwright-report', '.tmp']);

const config = await loadBuilderConfig();
const filters = packagingFilters(config);
const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** The project's own files electron-builder would put in app.asar (it prunes folders the same way). */
function projectFilesShipped(dir = ''): string[] {
  return readdirSync(join(projectDir, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return dir === '' && skipped.has(entry.name) ? [] : filters.app(path, true) ? projectFilesShipped(path) : [];
    return entry.isFile() && filters.app(path) ? [path] : [];
  });
}

let buildDir = '';
let built: string[] = [];
let shipped: string[] = [];

beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'mostrador-packaging-'));
  buildInto(join(buildDir, 'out'));
  built = filesUnder(join(buildDir, 'out'), buildDir);
  shipped = [...projectFilesShipped(), ...built.filter((path) => filters.app(path))].sort();
}, 180_000);

afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

describe('the files of the packaged app (from the `files` globs, over a fresh electron-vite build)', () => {
  it('are the bundles of main, the preload and the renderer, and package.json: no sources, tests, maps or the browser host', () => {
    const expected = [...built.filter((path) => path !== 'out/main/web.js' && !path.endsWith('.map')), 'package.json'].sort();
    expect(shipped).toEqual(expected);
    expect(shipped).toContain('out/main/index.js');
    expect(shipped).toContain('out/preload/index.cjs');
    expect(shipped).toContain('out/renderer/index.html');
    expect(shipped.some((path) => /^(src-|tests|tools|migrations|resources)/.test(path))).toBe(false);
  });

  it('hold every file main loads: its chunks, the preload, the renderer page and its assets', () => {
    const main = bundleGraph(join(buildDir, 'out', 'main'), 'index.js');
    for (const file of main.files) expect(shipped, file).toContain(`out/main/${file}`);
    expect(main.files).not.toContain('web.js');

    // Paths main builds at run time, relative to its own folder (out/main).
    const source = readFileSync(join(buildDir, 'out', 'main', 'index.js'), 'utf8');
    expect(source).toContain('"../preload/index.cjs"');
    expect(source).toContain('"../renderer"');

    // A sandboxed preload can require nothing but electron: one self-contained file.
    expect(bundleGraph(join(buildDir, 'out', 'preload'), 'index.cjs')).toEqual({ files: ['index.cjs'], packages: [] });

    const page = readFileSync(join(buildDir, 'out', 'renderer', 'index.html'), 'utf8');
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!).filter((url) => !/^[a-z]+:/i.test(url));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(shipped, asset).toContain(`out/renderer/${asset.replace(/^\.?\//, '')}`);
  });

  it('ship the packages main imports, with their own dependencies, and none that only the renderer or the CLI use', () => {
    const main = bundleGraph(join(buildDir, 'out', 'main'), 'index.js');
    expect(main.packages).toEqual(expect.arrayContaining(['better-sqlite3', 'electron-updater']));
    // kysely, zod… are inside the bundle (tools/packaging/bundled-deps.ts), not loaded from node_modules.
    expect(main.packages.filter((name) => bundledDeps.includes(name))).toEqual([]);
    // electron-builder ships production dependencies only.
    for (const name of main.packages) expect(Object.keys(packageJson.dependencies), `${name} must be a dependency, not a devDependency`).toContain(name);

    const lock = readLock();
    const roots = Object.keys({ ...packageJson.dependencies, ...packageJson.optionalDependencies }).map((name) => ({ from: '', name }));
    const collected = [...runtimeClosure(lock, roots).keys()];
    const packed = collected.filter((path) => filters.module(`${path}/package.json`)).sort();
    const needed = [...runtimeClosure(lock, main.packages.map((name) => ({ from: '', name }))).keys()].sort();

    expect(needed.filter((path) => !packed.includes(path)), 'main needs these but they are excluded (electron-builder.config.ts › notShipped)').toEqual([]);
    expect(packed.filter((path) => !needed.includes(path)), 'shipped but never loaded by main: add them to notShipped').toEqual([]);
    // Every exclusion names a package that would otherwise be shipped.
    for (const name of notShipped) expect(collected.some((path) => path === `node_modules/${name}` || path.startsWith(`node_modules/${name}/`)), name).toBe(true);
  });

  it('unpack better-sqlite3\'s prebuilt native modules beside app.asar', () => {
    const moduleDir = join(projectDir, 'node_modules', 'better-sqlite3');
    const files = filesUnder(moduleDir, projectDir).filter((path) => filters.module(path));
    const native = files.filter((path) => path.endsWith('.node'));
    // Node-API binaries: the same file loads in Node and in Electron (lib/binding.js picks one by platform).
    for (const target of ['linux-x64', 'win32-x64', 'darwin-x64', 'darwin-arm64']) expect(native).toContain(`node_modules/better-sqlite3/prebuilds/${target}.node`);
    expect(files).toContain('node_modules/better-sqlite3/lib/binding.js');
    // binding.js would prefer a locally compiled build/Release binary: none is shipped, nor SQLite's sources.
    expect(files.filter((path) => /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(path))).toEqual([]);
    // asarUnpack names the binaries; electron-builder's smartUnpack then unpacks the rest of a package that has them.
    for (const path of native) expect(filters.unpacked(path), path).toBe(true);
    expect(files.filter((path) => filters.unpacked(path))).toEqual(native);
    expect(filters.unpacked('out/main/index.js')).toBe(false);
  });
});
