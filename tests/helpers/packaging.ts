import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DebugLogger } from 'builder-util';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import ts from 'typescript';

/** The project folder, without a trailing separator (electron-builder compares it with its matchers' roots). */
export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const quietLogger = { isEnabled: false, add: () => undefined } as unknown as DebugLogger;

/** The configuration as electron-builder itself reads it (its loader runs the .ts file through jiti). */
export function loadBuilderConfig(): Promise<Configuration> {
  return getConfig(projectDir, 'electron-builder.config.ts', null);
}

/** The `files` patterns, as written or as electron-builder normalised them (one file set with a filter). */
export function filePatterns(files: Configuration['files']): string[] {
  const list = Array.isArray(files) ? files : files ? [files] : [];
  return list.flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat()));
}

/** A fresh `electron-vite build` into `outDir` (not the shared out/, which other builds may be rewriting). */
export function buildInto(outDir: string): void {
  execFileSync(join(projectDir, 'node_modules', '.bin', 'electron-vite'), ['build', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: projectDir,
    stdio: 'pipe',
    timeout: 120_000,
  });
}

interface Matcher {
  createFilter(): (file: string, stat: FakeStat) => boolean;
}
interface FakeStat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
interface InternalFileMatchers {
  getMainFileMatchers(appDir: string, destination: string, expand: (s: string) => string, options: object, packager: object, outDir: string, isElectronCompile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (s: string) => string, options: object, packager: object): Matcher;
  getFileMatchers(config: Configuration, name: 'asarUnpack', destination: string, options: object): Matcher[] | null;
}

// electron-builder's own matchers (internal API): the same patterns, defaults and exclusions as a real build.
const matchers = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher') as InternalFileMatchers;

const stat = (isDirectory: boolean, moduleFullFilePath?: string): FakeStat => ({ isDirectory: () => isDirectory, ...(moduleFullFilePath ? { moduleFullFilePath } : {}) });

/** Filters paths (relative to the project, posix) the way electron-builder picks what goes into app.asar. */
export function packagingFilters(config: Configuration) {
  const identity = (s: string) => s;
  const packager = {
    isPrepackedAppAsar: false,
    config,
    projectDir,
    buildResourcesDir: join(projectDir, config.directories?.buildResources ?? 'build'),
    debugLogger: quietLogger,
  };
  const outDir = join(projectDir, config.directories?.output ?? 'dist');
  const app = matchers.getMainFileMatchers(projectDir, '/app', identity, {}, { info: packager }, outDir, false)[0]!.createFilter();
  const modules = matchers.getNodeModuleFileMatcher(projectDir, '/app', identity, {}, packager).createFilter();
  const unpack = matchers.getFileMatchers(config, 'asarUnpack', '/app', { macroExpander: identity, customBuildOptions: {}, globalOutDir: outDir, defaultSrc: projectDir })?.[0]?.createFilter();
  return {
    /** A project file or folder (not under node_modules). */
    app: (path: string, isDirectory = false) => app(join(projectDir, path), stat(isDirectory)),
    /** A file of a shipped package, e.g. node_modules/kysely/package.json. */
    module: (path: string) => modules(join(projectDir, path), stat(false, path)),
    /** Whether a file is unpacked beside app.asar (app.asar.unpacked). */
    unpacked: (path: string) => (unpack ? unpack(join(projectDir, path), stat(false)) : false),
  };
}

/** Every file under `dir`, as posix paths relative to `base`. */
export function filesUnder(dir: string, base: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

interface LockPackage {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
interface Lock {
  packages: Record<string, LockPackage>;
}

export function readLock(): Lock {
  return JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as Lock;
}

/** Where Node finds `name` from the package installed at `from` ('' for the project): the lock's path. */
export function resolveInLock(lock: Lock, from: string, name: string): string | null {
  for (let at = from; ; ) {
    const candidate = at === '' ? `node_modules/${name}` : `${at}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (at === '') return null;
    const cut = at.lastIndexOf('/node_modules/');
    at = cut === -1 ? '' : at.slice(0, cut);
  }
}

/**
 * The installed packages a name needs at run time: itself and its dependencies and optional
 * dependencies, transitively (peers are the consumer's business), as electron-builder collects them.
 */
export function runtimeClosure(lock: Lock, roots: Iterable<{ from: string; name: string }>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const queue = [...roots];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const path = resolveInLock(lock, next.from, next.name);
    if (!path || found.has(path)) continue;
    const entry = lock.packages[path]!;
    const deps = Object.keys({ ...entry.dependencies, ...entry.optionalDependencies });
    found.set(path, deps);
    for (const name of deps) queue.push({ from: path, name });
  }
  return found;
}

/** The package a bare import names: "kysely", "@scope/pkg/sub" → "@scope/pkg". */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const builtins = new Set(createRequire(import.meta.url)('node:module').builtinModules as string[]);

/**
 * What a built bundle loads, following its relative imports: the bundle files reached and the
 * packages they import (static, dynamic and require), without Node's built-ins and electron.
 */
export function bundleGraph(outDir: string, entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (files.has(file)) continue;
    files.add(file);
    const info = ts.preProcessFile(readFileSync(join(outDir, file), 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (fileName.startsWith('.')) queue.push(posix.normalize(posix.join(posix.dirname(file), fileName)));
      else if (!fileName.startsWith('node:') && !builtins.has(fileName) && fileName !== 'electron') packages.add(packageOf(fileName));
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}
