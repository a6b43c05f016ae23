import { Temporal as Polyfill } from 'temporal-polyfill';

/**
 * Schedule-X checks dates with `instanceof` against the global Temporal. Chromium ships Temporal
 * natively (recent versions) or not at all (older Electron): use the platform's when it has one,
 * else install the polyfill as the global, and use that same one everywhere in the renderer.
 * Imported first by main.tsx, before Schedule-X loads.
 */
const scope = globalThis as { Temporal?: typeof Polyfill };
if (!scope.Temporal) scope.Temporal = Polyfill;

export const Temporal: typeof Polyfill = scope.Temporal;
/** The types of Temporal's objects (the same for the native and the polyfilled one). */
export type { Temporal as TemporalTypes } from 'temporal-polyfill';
