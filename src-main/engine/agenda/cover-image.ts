import { AppError } from '../../errors/app-error';

export const maxCoverBytes = 2 * 1024 * 1024;

const signatures: { type: string; extension: string; matches: (b: Buffer) => boolean }[] = [
  { type: 'image/png', extension: 'png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', extension: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', extension: 'webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** Reads a cover image sent as a data URL; the type is judged by its bytes, not by what it claims. */
export function decodeCoverImage(dataUrl: string): { bytes: Buffer; type: string; extension: string } {
  const match = /^data:[\w/+.-]*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) throw new AppError('invalid_image', 'coverImage');
  const bytes = Buffer.from(match[1]!, 'base64');
  if (bytes.length > maxCoverBytes) throw new AppError('image_too_large', 'coverImage');
  const kind = signatures.find((s) => s.matches(bytes));
  if (!kind) throw new AppError('invalid_image', 'coverImage');
  return { bytes, type: kind.type, extension: kind.extension };
}

export function coverMimeType(fileName: string): string {
  const extension = fileName.split('.').pop();
  return signatures.find((s) => s.extension === extension)?.type ?? 'application/octet-stream';
}
