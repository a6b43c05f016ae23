import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverMimeType, decodeCoverImage } from '../../engine/agenda/cover-image';

/** Cover images are copied into the data folder, beside the database: covers/<series id>.<ext>. */
export function saveCover(dataDir: string, seriesId: string, dataUrl: string): string {
  const image = decodeCoverImage(dataUrl);
  const folder = join(dataDir, 'covers');
  mkdirSync(folder, { recursive: true });
  const fileName = `${seriesId}.${image.extension}`;
  writeFileSync(join(folder, fileName), image.bytes);
  return fileName;
}

/** A split series gets its own copy, so that changing one cover never changes the other's. */
export function copyCover(dataDir: string, fileName: string, toSeriesId: string): string {
  const copy = `${toSeriesId}.${fileName.split('.').pop()}`;
  copyFileSync(join(dataDir, 'covers', fileName), join(dataDir, 'covers', copy));
  return copy;
}

export function readCover(dataDir: string, fileName: string): string | null {
  try {
    const bytes = readFileSync(join(dataDir, 'covers', fileName));
    return `data:${coverMimeType(fileName)};base64,${bytes.toString('base64')}`;
  } catch {
    return null;
  }
}
