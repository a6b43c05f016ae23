import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxPhotoBytes } from '../../src-shared/domain/photos';
import { decodePhoto } from '../../src-main/engine/clients/photo-image';
import { AppError } from '../../src-main/errors/app-error';

const asDataUrl = (bytes: Uint8Array, type = 'image/jpeg') => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
const jpegStart = [0xff, 0xd8, 0xff];
const pngStart = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The refusal a call answers, or the type it took. */
function outcome(dataUrl: string): string {
  try {
    return decodePhoto(dataUrl).type;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.field).toBe('dataUrl');
    return error.code;
  }
}

describe('a photo is judged by its bytes', () => {
  it('any string is either taken or refused as invalid_image: never another error', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => ['invalid_image', 'image/jpeg', 'image/png', 'image/webp'].includes(outcome(text))));
  });

  it('whatever the data URL claims, the type is the one its first bytes say, or none', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('image/jpeg', 'image/png', 'image/gif', 'application/pdf', ''), fc.constantFrom([], jpegStart, pngStart), (tail, claimed, start) => {
        const bytes = Uint8Array.from([...start, ...tail]);
        const expected =
          bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
            ? 'image/jpeg'
            : Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from(pngStart))
              ? 'image/png'
              : Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP'
                ? 'image/webp'
                : 'invalid_image';
        expect(outcome(asDataUrl(bytes, claimed))).toBe(expected);
      }),
    );
  });

  it('takes 15 MB and refuses a byte more, before looking at the type', () => {
    const limit = new Uint8Array(maxPhotoBytes);
    limit.set(jpegStart);
    expect(outcome(asDataUrl(limit))).toBe('image/jpeg');
    expect(outcome(asDataUrl(new Uint8Array(maxPhotoBytes + 1)))).toBe('photo_too_large');
  });
});
