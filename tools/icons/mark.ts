/**
 * Mostrador's mark, drawn without any image library: the letter M as four round-capped strokes on
 * a rounded square in the brand's teal (the sidebar's `.brand-mark`). Geometry is in units of the
 * icon's side, so every size is drawn from the same shapes rather than scaled from a bitmap.
 */
export const markColours = { background: [0x2b, 0xb3, 0xa3], letter: [0x0d, 0x2a, 0x2f] } as const;

/** Empty margin around the square (macOS and Windows draw icons edge to edge otherwise). */
const inset = 0.0625;
const cornerRadius = 0.19;
const strokeHalfWidth = 0.055;
/** The M's strokes: bottom-left → top-left → valley → top-right → bottom-right. */
const letterPath: readonly (readonly [number, number])[] = [
  [0.3, 0.7],
  [0.3, 0.32],
  [0.5, 0.56],
  [0.7, 0.32],
  [0.7, 0.7],
];

/** Samples per pixel along each axis: 4×4 gives smooth edges at 16 px as at 1024 px. */
const samples = 4;

function insideSquare(x: number, y: number): boolean {
  const lo = inset + cornerRadius;
  const hi = 1 - inset - cornerRadius;
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  return dx * dx + dy * dy <= cornerRadius * cornerRadius;
}

function distanceToSegment(x: number, y: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

function insideLetter(x: number, y: number): boolean {
  for (let i = 1; i < letterPath.length; i += 1) {
    if (distanceToSegment(x, y, letterPath[i - 1]!, letterPath[i]!) <= strokeHalfWidth) return true;
  }
  return false;
}

/** The mark at `size`×`size` pixels as straight (not premultiplied) RGBA, row by row. */
export function renderMark(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const total = samples * samples;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let square = 0;
      let letter = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!insideSquare(x, y)) continue;
          square += 1;
          if (insideLetter(x, y)) letter += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (square === 0) continue;
      // Colour of the covered part only: the edge pixels fade through alpha, not through black.
      const mix = letter / square;
      for (let c = 0; c < 3; c += 1) {
        pixels[at + c] = Math.round(markColours.background[c]! * (1 - mix) + markColours.letter[c]! * mix);
      }
      pixels[at + 3] = Math.round((255 * square) / total);
    }
  }
  return pixels;
}
