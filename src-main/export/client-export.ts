import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientExport } from '../../src-shared/domain/client-export';
import type { Language } from '../../src-shared/domain/centre';
import { loadClientBrief } from '../db/queries/clients';
import { readCentreSettings } from '../db/queries/settings';
import { exportPage } from './export-page';
import { exportSections, type ExportContext, type ExportPart } from './client-export-sections';
import { buildZip, type ZipEntry } from './zip-writer';

/** Exports hold personal data: they are kept a week for the desk to hand over, then removed. */
const keptForMs = 7 * 24 * 60 * 60 * 1000;

export function exportsFolder(dataDir: string): string {
  return join(dataDir, 'exports');
}

/** A part's file path stays inside files/: no absolute paths, no climbing out. */
function safeFilePath(path: string): string {
  const clean = path.replace(/\\/g, '/');
  if (clean === '' || clean.startsWith('/') || clean.split('/').some((s) => s === '..' || s === '')) throw new Error(`Unsafe export file path ${path}`);
  return `files/${clean}`;
}

/** Every part of the export, in the order of exportSections. */
export async function gatherExport(clientId: string, context: ExportContext): Promise<ExportPart[]> {
  const parts: ExportPart[] = [];
  for (const section of exportSections) parts.push(await section(clientId, context));
  return parts;
}

/** The zip of a client's data: data.json (every part by name), index.html (readable) and files/. */
export async function buildClientExport(clientId: string, context: ExportContext & { now: string; language: Language }): Promise<{ bytes: Uint8Array; parts: string[] }> {
  const client = await loadClientBrief(context.db, clientId, 'clientId');
  const settings = await readCentreSettings(context.db);
  const parts = await gatherExport(clientId, context);
  const data = {
    exportedAt: context.now,
    exportedBy: context.caller.staffId,
    client: { id: client.id, name: client.name },
    ...Object.fromEntries(parts.map((part) => [part.name, part.data])),
  };
  const entries: ZipEntry[] = [
    { path: 'data.json', content: `${JSON.stringify(data, null, 2)}\n` },
    { path: 'index.html', content: exportPage(parts, { language: context.language, timeZone: settings.timeZone, currency: settings.currency, exportedAt: context.now, clientName: client.name }) },
    ...parts.flatMap((part) => (part.files ?? []).map((file) => ({ path: safeFilePath(file.path), content: file.bytes }))),
  ];
  return { bytes: buildZip(entries), parts: parts.map((part) => part.name) };
}

/** Writes the zip into the data folder's exports/ (whole or not at all) and removes week-old ones. */
export async function writeClientExport(clientId: string, context: ExportContext & { now: string; language: Language }): Promise<ClientExport> {
  const { bytes, parts } = await buildClientExport(clientId, context);
  const folder = exportsFolder(context.dataDir);
  mkdirSync(folder, { recursive: true });
  pruneOldExports(folder, Date.parse(context.now));
  const stamp = context.now.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const fileName = `cliente-${clientId}-${stamp}.zip`;
  const path = join(folder, fileName);
  // A crash mid-write leaves a .part file, never a truncated zip under the final name.
  writeFileSync(`${path}.part`, bytes);
  renameSync(`${path}.part`, path);
  return { fileName, path, sizeBytes: bytes.length, parts };
}

function pruneOldExports(folder: string, now: number): void {
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (now - statSync(file).mtimeMs > keptForMs) rmSync(file, { force: true });
  }
}

/** The bytes of an export still in exports/ (the name is checked by the contract: no folders). */
export function readExportFile(dataDir: string, fileName: string): Uint8Array | null {
  try {
    return readFileSync(join(exportsFolder(dataDir), fileName));
  } catch {
    return null;
  }
}
