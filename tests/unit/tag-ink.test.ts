import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, readableInk } from '../../src-renderer/lib/colour';

describe('the text colour on a tag', () => {
  it('reaches 4.5:1 (WCAG AA) on any background colour', () => {
    for (let r = 0; r <= 255; r += 17)
      for (let g = 0; g <= 255; g += 17)
        for (let b = 0; b <= 255; b += 17) {
          const bg = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          const ratio = contrastRatio(luminance(bg)!, luminance(readableInk(bg))!);
          expect(ratio, bg).toBeGreaterThanOrEqual(4.5);
        }
  });

  it('is white on dark colours and dark on light ones', () => {
    expect(readableInk('#264653')).toBe('#ffffff');
    expect(readableInk('#e9c46a')).toBe('#1f2933');
    expect(readableInk('#f1faee')).toBe('#1f2933');
    expect(readableInk('#fff')).toBe('#1f2933');
    expect(readableInk('not a colour')).toBe('#1f2933');
  });
});
