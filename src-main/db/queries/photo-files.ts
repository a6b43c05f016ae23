import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhotoBytes, PhotoType } from '../../engine/clients/photo-image';
import { AppError } from '../../errors/app-error';
import type { ReadDb } from '../database';

/**
 * Gallery files live in the data folder, beside the database, never in a web service:
 * photos/<client id>/<photo id>.<ext> and its thumbnail <photo id>.thumb.jpg. Rows sync between
 * desks; these files do not (a desk shows another's photo as "not on this desk").
 */
const folderOf = (dataDir: string, clientId: string) => join(dataDir, 'photos', clientId);
const thumbOf = (fileName: string) => `${fileName.split('.')[0]}.thumb.jpg`;
// A name from a row (which may have come by sync) is used in a path only when it is one we make.
const ourName = /^[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png|webp)$/;
const ourClient = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The largest side kept (a 12-megapixel phone photo is 4032 px): plenty to compare a colour, a fraction of the bytes. */
const maxSide = 3000;
const thumbSide = 400;

export interface PreparedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  type: PhotoType;
}

/**
 * Decodes the whole image (a truncated or damaged one is refused with image_damaged), turns it
 * upright by its EXIF orientation, bounds its size and strips its metadata (a phone's GPS position
 * does not belong in a client's card), and makes a JPEG thumbnail on white.
 */
export async function preparePhoto(photo: PhotoBytes, field = 'dataUrl'): Promise<PreparedPhoto> {
  // Loaded on the first photo: libvips costs ~70 ms to load, which every start (the CLI's above all) paid.
  const { default: sharp } = await import('sharp');
  try {
    const source = () => sharp(photo.bytes, { failOn: 'truncated', limitInputPixels: 100_000_000 }).rotate();
    const upright = source().resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    const encoded = photo.type === 'image/png' ? upright.png() : photo.type === 'image/webp' ? upright.webp({ quality: 90 }) : upright.jpeg({ quality: 90, mozjpeg: true });
    const { data: full, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumb = await source()
      .resize({ width: thumbSide, height: thumbSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { full, thumb, width: info.width, height: info.height, type: photo.type };
  } catch {
    throw new AppError('image_damaged', field);
  }
}

/** Writes both files under a temporary name first, so that a crash never leaves half a photo under its real name. */
export function writePhotoFiles(dataDir: string, clientId: string, fileName: string, photo: PreparedPhoto): void {
  const folder = folderOf(dataDir, clientId);
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of [
    [fileName, photo.full],
    [thumbOf(fileName), photo.thumb],
  ] as const) {
    const temporary = join(folder, `${name}.tmp`);
    writeFileSync(temporary, bytes);
    renameSync(temporary, join(folder, name));
  }
}

export function removePhotoFiles(dataDir: string, clientId: string, fileName: string): void {
  if (!ourClient.test(clientId) || !ourName.test(fileName)) return;
  const folder = folderOf(dataDir, clientId);
  rmSync(join(folder, fileName), { force: true });
  rmSync(join(folder, thumbOf(fileName)), { force: true });
}

/** Every file of a client's gallery (their erasure). */
export function removeClientPhotoFolder(dataDir: string, clientId: string): void {
  if (ourClient.test(clientId)) rmSync(folderOf(dataDir, clientId), { recursive: true, force: true });
}

function readAsDataUrl(path: string, type: string): string | null {
  try {
    return `data:${type};base64,${readFileSync(path).toString('base64')}`;
  } catch {
    return null; // not on this desk (the row came by sync), or removed by hand
  }
}

export function readPhotoThumbnail(dataDir: string, clientId: string, fileName: string): string | null {
  if (!ourClient.test(clientId) || !ourName.test(fileName)) return null;
  return readAsDataUrl(join(folderOf(dataDir, clientId), thumbOf(fileName)), 'image/jpeg');
}

export function readPhotoFull(dataDir: string, clientId: string, fileName: string, type: string): string | null {
  if (!ourClient.test(clientId) || !ourName.test(fileName)) return null;
  return readAsDataUrl(join(folderOf(dataDir, clientId), fileName), type);
}

/** The raw bytes of a photo, for the data-subject export. */
export function readPhotoBytes(dataDir: string, clientId: string, fileName: string): Buffer | null {
  if (!ourClient.test(clientId) || !ourName.test(fileName)) return null;
  try {
    return readFileSync(join(folderOf(dataDir, clientId), fileName));
  } catch {
    return null;
  }
}

/** A file younger than this may belong to a write still in its transaction (another process's): left alone. */
const strayAgeMs = 10 * 60_000;

/**
 * Removes gallery files no row names: the folder of a client who no longer exists (erased here by
 * a crash between commit and cleanup, or on another desk and synced here), and files of a write
 * that was rolled back or interrupted. Run when the database opens and after a sync brought
 * photo or client changes. Never throws: a file it cannot remove is tried again next time.
 */
export async function sweepPhotoFiles(db: ReadDb, dataDir: string, nowMs = Date.now()): Promise<number> {
  const root = join(dataDir, 'photos');
  let folders: string[];
  try {
    folders = readdirSync(root);
  } catch {
    return 0; // no gallery yet
  }
  let removed = 0;
  for (const clientId of folders) {
    try {
      const client = ourClient.test(clientId) ? await db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst() : undefined;
      if (!client) {
        rmSync(join(root, clientId), { recursive: true, force: true });
        removed++;
        continue;
      }
      const kept = new Set((await db.selectFrom('client_photos').select('id').where('client_id', '=', clientId).execute()).map((r) => r.id));
      for (const file of readdirSync(join(root, clientId))) {
        const path = join(root, clientId, file);
        if (kept.has(file.split('.')[0]!) && !file.endsWith('.tmp')) continue;
        if (nowMs - statSync(path).mtimeMs < strayAgeMs) continue;
        rmSync(path, { force: true });
        removed++;
      }
    } catch {
      // tried again at the next sweep
    }
  }
  return removed;
}
