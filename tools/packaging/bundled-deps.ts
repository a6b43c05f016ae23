/**
 * Dependencies bundled into out/main (electron.vite.config.ts): pure JavaScript with no dependencies of their
 * own, whose hundreds of files loaded one by one were most of every start of main, the browser host and the
 * CLI. Being in the bundle, they are not shipped again in node_modules (electron-builder.config.ts).
 */
export const bundledDeps = ['kysely', 'zod', 'libphonenumber-js', 'ulid', 'fflate', 'papaparse'];
