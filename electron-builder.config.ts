import type { Configuration } from 'electron-builder';
import { bundledDeps } from './tools/packaging/bundled-deps';
import { flipProductionFuses } from './tools/packaging/fuses';

/**
 * Where the packaged app's update files (latest.yml, beta.yml, the installers and their blockmaps)
 * are uploaded. Each desk may point at another feed in Ajustes › Actualizaciones; this one is
 * written into the app as its default (resources/app-update.yml). Must be https.
 */
export const publishUrl = process.env.MOSTRADOR_PUBLISH_URL ?? 'https://updates.mostrador.invalid/desk/';
if (new URL(publishUrl).protocol !== 'https:') throw new Error('MOSTRADOR_PUBLISH_URL must be an https:// address');

/** Dependencies only the renderer (bundled by Vite into out/renderer) or the CLI use: not shipped twice. */
export const notShipped = [
  // chart.js (with its colour helper) draws the card's statistics, in the renderer only.
  '@kurkle/color',
  '@schedule-x',
  'chart.js',
  'html-parse-stringify',
  'i18next',
  'playwright-core',
  'preact',
  // The receipt's VERI*FACTU QR code is drawn in the renderer only.
  'qrcode-generator',
  'react',
  'react-dom',
  'react-chartjs-2',
  'react-i18next',
  'scheduler',
  'temporal-polyfill',
  'temporal-spec',
  // Bundled into out/main itself (electron.vite.config.ts).
  ...bundledDeps,
] as const;

/** electron-builder's configuration: `npm run dist` (see README › Packaging). */
const config: Configuration = {
  appId: 'com.mostrador.desk',
  productName: 'Mostrador',
  copyright: 'Copyright © Mostrador',
  directories: { output: 'dist', buildResources: 'resources' },
  // The bundles main, the preload and the renderer load; main's production dependencies come from
  // node_modules (migrations are bundled into main). The browser host (web.js) is not the desktop app.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!out/main/web.js',
    '!**/*.map',
    ...notShipped.map((name) => `!node_modules/${name}/**`),
    // better-sqlite3's C sources (SQLite itself, 10 MB) and any local compile: the app loads its prebuilt binary.
    '!node_modules/better-sqlite3/{deps,src,build}/**',
    '!node_modules/better-sqlite3/binding.gyp',
  ],
  asar: true,
  // A native module cannot be loaded from inside the archive.
  // sharp (the gallery's thumbnails) loads its binary and libvips' shared libraries from @img/: all of it unpacked.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node', 'node_modules/@img/**/*'],
  // better-sqlite3 ships Node-API prebuilds (prebuilds/<platform>-<arch>.node), ABI-stable across
  // Node and Electron: nothing to rebuild, so no Electron headers or compiler are needed to package.
  npmRebuild: false,
  afterPack: flipProductionFuses,
  publish: [{ provider: 'generic', url: publishUrl }],
  // A beta desk also gets the stable releases (beta.yml is written for them too).
  generateUpdatesFilesForAllChannels: true,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'resources/icons',
    executableName: 'mostrador',
    synopsis: 'Agenda, clientes y caja para centros de estética y estudios',
    maintainer: 'Mostrador <soporte@mostrador.invalid>',
    vendor: 'Mostrador',
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.ico',
  },
  // Installed per user (no administrator prompt, updates install silently); the .blockmap written
  // beside the installer lets electron-updater download only the changed blocks.
  nsis: {
    oneClick: true,
    perMachine: false,
    differentialPackage: true,
    deleteAppDataOnUninstall: false,
  },
  mac: {
    // electron-updater updates a Mac from the zip; the dmg is for the first install.
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    category: 'public.app-category.business',
    icon: 'resources/icon.icns',
    hardenedRuntime: true,
  },
};

export default config;
