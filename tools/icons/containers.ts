/**
 * Windows .ico and macOS .icns holding PNG images (both formats allow it: Windows Vista and later,
 * macOS 10.7 and later), so no BMP or ARGB encoder is needed.
 */

/** One image of an .ico: 256 px is stored as 0 in the one-byte width and height. */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

export function decodeIco(file: Buffer): { size: number; png: Buffer }[] {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an icon file');
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = file.readUInt32LE(entry + 8);
    const offset = file.readUInt32LE(entry + 12);
    return { size: file.readUInt8(entry) || 256, png: file.subarray(offset, offset + length) };
  });
}

/** The PNG-holding icns types and the pixel size each one is (the @2x ones are the larger size). */
export const icnsTypes = {
  icp4: 16,
  icp5: 32,
  ic11: 32,
  icp6: 64,
  ic12: 64,
  ic07: 128,
  ic08: 256,
  ic13: 256,
  ic09: 512,
  ic14: 512,
  ic10: 1024,
} as const;
export type IcnsType = keyof typeof icnsTypes;

export function encodeIcns(images: readonly { type: IcnsType; png: Buffer }[]): Buffer {
  const parts = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

export function decodeIcns(file: Buffer): { type: string; png: Buffer }[] {
  if (file.toString('latin1', 0, 4) !== 'icns' || file.readUInt32BE(4) !== file.length) throw new Error('not an icns file');
  const images: { type: string; png: Buffer }[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset + 4);
    images.push({ type: file.toString('latin1', offset, offset + 4), png: file.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return images;
}
