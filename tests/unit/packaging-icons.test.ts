import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeIcns, decodeIco, icnsTypes } from '../../tools/icons/containers';
import { iconFiles, iconPaths, icoSizes, linuxSizes } from '../../tools/icons/icon-set';
import { markColours, renderMark } from '../../tools/icons/mark';
import { decodePng } from '../../tools/icons/png';
import { filesUnder, projectDir } from '../helpers/packaging';

const resources = join(projectDir, 'resources');
const committed = (path: string) => readFileSync(join(resources, path));

const renders = new Map<number, Buffer>();
function drawn(size: number): Buffer {
  let pixels = renders.get(size);
  if (!pixels) renders.set(size, (pixels = Buffer.from(renderMark(size))));
  return pixels;
}

function expectPngOfSize(file: Buffer, size: number): void {
  const png = decodePng(file);
  expect([png.width, png.height]).toEqual([size, size]);
  // Compared as pixels, not bytes: another zlib may deflate the same image differently.
  expect(Buffer.from(png.rgba).equals(drawn(size))).toBe(true);
}

describe('the app icons in resources/', () => {
  it('are the files tools/make-icons.ts writes (`npm run icons` after changing the mark), and only those', () => {
    expect(filesUnder(resources, resources)).toEqual([...iconPaths].sort());
  });

  it('lists in iconPaths exactly what the generator writes', () => {
    expect([...iconFiles().keys()].sort()).toEqual([...iconPaths].sort());
  });

  it('give Linux a PNG per size and the 512 px icon', () => {
    expectPngOfSize(committed('icon.png'), 512);
    for (const size of linuxSizes) expectPngOfSize(committed(`icons/${size}x${size}.png`), size);
  });

  it('give Windows an .ico with every size up to 256 px', () => {
    const images = decodeIco(committed('icon.ico'));
    expect(images.map((image) => image.size)).toEqual([...icoSizes]);
    for (const image of images) expectPngOfSize(image.png, image.size);
  });

  it('give macOS an .icns with every size up to 1024 px', () => {
    const images = decodeIcns(committed('icon.icns'));
    expect(images.map((image) => image.type).sort()).toEqual(Object.keys(icnsTypes).sort());
    for (const image of images) expectPngOfSize(image.png, icnsTypes[image.type as keyof typeof icnsTypes]);
  });

  it('draw the M in the brand\'s colours on a transparent background', () => {
    const size = 64;
    const pixels = renderMark(size);
    const at = (x: number, y: number) => [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(size / 2, size - 8)).toEqual([...markColours.background, 255]);
    // The left stroke of the M.
    expect(at(Math.round(0.3 * size), size / 2)).toEqual([...markColours.letter, 255]);
  });
});
