import type { IcnsType } from './containers';
import { encodeIcns, encodeIco, icnsTypes } from './containers';
import { renderMark } from './mark';
import { encodePng } from './png';

/** Linux takes a folder of NxN.png files; electron-builder puts each in the hicolor theme. */
export const linuxSizes = [16, 32, 48, 64, 128, 256, 512] as const;
/** Windows needs 256 px for the installer and Explorer; the small ones keep the taskbar crisp. */
export const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const;

/** The paths iconFiles() writes, relative to resources/. */
export const iconPaths: readonly string[] = ['icon.png', ...linuxSizes.map((size) => `icons/${size}x${size}.png`), 'icon.ico', 'icon.icns'];

/** Every file of resources/ that make-icons.ts writes, by path relative to resources/. */
export function iconFiles(): Map<string, Buffer> {
  const pngs = new Map<number, Buffer>();
  const png = (size: number): Buffer => {
    let file = pngs.get(size);
    if (!file) {
      file = encodePng(size, size, renderMark(size));
      pngs.set(size, file);
    }
    return file;
  };
  const files = new Map<string, Buffer>();
  files.set('icon.png', png(512));
  for (const size of linuxSizes) files.set(`icons/${size}x${size}.png`, png(size));
  files.set('icon.ico', encodeIco(icoSizes.map((size) => ({ size, png: png(size) }))));
  files.set('icon.icns', encodeIcns((Object.keys(icnsTypes) as IcnsType[]).map((type) => ({ type, png: png(icnsTypes[type]) }))));
  return files;
}
