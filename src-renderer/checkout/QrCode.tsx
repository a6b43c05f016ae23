import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code drawn as one SVG path (ISO/IEC 18004, error correction level M, as the AEAT's QR
 * specification asks), sized by CSS (30–40 mm on paper). `data-qr-text` holds what it encodes.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const count = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row++) for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    return { size: count + 2 * quiet, path: d };
  }, [text]);
  return (
    <svg className={className} role="img" aria-label={label} data-qr-text={text} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** The blank margin round the symbol the standard asks for (4 modules), so a phone reads it off a ticket. */
const quiet = 4;
