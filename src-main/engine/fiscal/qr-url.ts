import { aeatAmount, aeatDate } from './fingerprint';

/**
 * The address a VERI*FACTU invoice's QR code encodes (Orden HAC/1177/2024, art. 21; the AEAT's
 * "Especificaciones técnicas del código QR"): the agency's validation service with the issuer's tax
 * id, the series and number, the issue date (dd-mm-yyyy) and the total with two decimals, each
 * value URL-encoded (a number may hold "/"). The QR itself: ISO/IEC 18004, error correction M,
 * 30–40 mm, with the legend "VERI*FACTU".
 */
const validationBase = {
  production: 'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR',
  test: 'https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR',
} as const;

export interface QrFields {
  issuerTaxId: string;
  number: string;
  /** YYYY-MM-DD. */
  issuedOn: string;
  totalMinor: number;
}

export function verifactuQrUrl(f: QrFields, environment: keyof typeof validationBase = 'production'): string {
  const query = [
    ['nif', f.issuerTaxId],
    ['numserie', f.number],
    ['fecha', aeatDate(f.issuedOn)],
    ['importe', aeatAmount(f.totalMinor)],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value!)}`)
    .join('&');
  return `${validationBase[environment]}?${query}`;
}
