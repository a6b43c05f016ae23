import { zipSync, strToU8 } from 'fflate';

/** One file of the zip: its path inside it and its bytes (text is written as UTF-8). */
export interface ZipEntry {
  path: string;
  content: Uint8Array | string;
}

/**
 * The zip's bytes. Photos are already compressed, so they are stored as they are; text is deflated.
 * Paths are taken as given: callers build them, never from the input.
 */
export function buildZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const entry of entries) {
    if (Object.hasOwn(files, entry.path)) throw new Error(`Two files at ${entry.path} in one zip`);
    const text = typeof entry.content === 'string';
    files[entry.path] = [text ? strToU8(entry.content as string) : (entry.content as Uint8Array), { level: text ? 6 : 0 }];
  }
  return zipSync(files, { mtime: new Date() });
}
