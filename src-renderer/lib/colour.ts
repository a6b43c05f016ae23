/** WCAG colour arithmetic for text on a user-chosen colour (a tag's chip). */

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance (0–1) of "#rrggbb" or "#rgb"; null for anything else. */
export function luminance(colour: string): number | null {
  let hex = colour.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const n = Number.parseInt(hex, 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The contrast ratio (1–21) of two luminances. */
export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const dark = '#1f2933';
const darkLuminance = luminance(dark)!;

/**
 * The text colour to write on a background: white on dark colours, the app's dark ink on light ones,
 * pure black on the few mid tones where neither reaches 4.5:1 (WCAG AA for small text).
 */
export function readableInk(background: string): string {
  const bg = luminance(background);
  if (bg === null) return dark;
  const onWhite = contrastRatio(bg, 1);
  const onDark = contrastRatio(bg, darkLuminance);
  if (onWhite >= 4.5 && onWhite >= onDark) return '#ffffff';
  if (onDark >= 4.5) return dark;
  return onWhite > contrastRatio(bg, 0) ? '#ffffff' : '#000000';
}
