import { maxPhotoBytes } from '../../../src-shared/domain/photos';
import { AppError } from '../../errors/app-error';

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

const signatures: { type: PhotoType; extension: string; matches: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', extension: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', extension: 'png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', extension: 'webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export interface PhotoBytes {
  bytes: Buffer;
  type: PhotoType;
  extension: string;
}

/**
 * Reads a photo sent as a data URL. Its type is judged by its first bytes, never by the type the
 * data URL or the file's name claims (a renamed PDF is refused). Whether the whole image decodes
 * (a truncated file) is checked when it is thumbnailed.
 */
export function decodePhoto(dataUrl: string, field = 'dataUrl'): PhotoBytes {
  const match = /^data:[\w/+.-]*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) throw new AppError('invalid_image', field);
  // Checked on the base64 length first: a huge string is refused before it is decoded.
  if ((match[1]!.length * 3) / 4 > maxPhotoBytes + 2) throw new AppError('photo_too_large', field);
  const bytes = Buffer.from(match[1]!, 'base64');
  if (bytes.length > maxPhotoBytes) throw new AppError('photo_too_large', field);
  const kind = signatures.find((s) => s.matches(bytes));
  if (!kind) throw new AppError('invalid_image', field);
  return { bytes, type: kind.type, extension: kind.extension };
}

export function photoExtension(type: PhotoType): string {
  return signatures.find((s) => s.type === type)!.extension;
}
