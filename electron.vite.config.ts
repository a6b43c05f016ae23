import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicyMeta } from './src-main/security/content-security-policy';
import { bundledDeps } from './tools/packaging/bundled-deps';

/** The built page carries its CSP itself, whoever serves it (app:// in Electron, the browser host); the dev server's preamble needs none. */
const cspMeta: Plugin = {
  name: 'mostrador-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<head>', `<head>\n    ${contentSecurityPolicyMeta()}`),
};

// Entries are named explicitly: electron-vite's defaults expect src/main, src/preload, src/renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // A few libraries are bundled in (tools/packaging/bundled-deps.ts): loading their files one by one was most
      // of every start. The native modules, the updater, playwright-core and the rest stay in node_modules.
      externalizeDeps: { exclude: bundledDeps },
      rolldownOptions: {
        input: {
          index: resolve('src-main/shell/main.ts'),
          web: resolve('src-main/web/main.ts'),
          // `npm run cli` runs the built CLI (tools/cli.mjs): compiling the sources on every call cost a second.
          cli: resolve('src-main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), cspMeta],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
